#!/usr/bin/env python3
"""CPU used by the processes of a pipeline benchmark: snapshots, and the difference of two per text.

    bench/cpu-snapshot.py take SERVE_PID LOAD_COMMAND_PREFIX OUT.json
    bench/cpu-snapshot.py per-text BEFORE.json AFTER.json TEXTS|RATE/s MODE [LOAD_CPU_SECONDS]

take: the CPU ticks used so far by serve (in all and by thread, digits in thread names folded:
JettyServerThreadPool-N, ...), by the load tool (the process whose command line starts with LOAD_COMMAND_PREFIX), by
every RabbitMQ and PostgreSQL process (matched by name, since serve's own command line contains "postgres"; shared
with other users of those servers, so an upper bound), and the machine's CPU time by kind (/proc/stat). It reads /proc
in one process: forking a few commands per thread took seconds on a busy 2-core machine and was load itself.

per-text: what each used between the two snapshots, in ms of CPU per text; RATE/s (e.g. 1000/s) counts the texts as
the rate times the time between the snapshots. LOAD_CPU_SECONDS replaces the load tool's figure (its own rusage, when
it ended before AFTER was taken). MODE rabbit adds RabbitMQ and PostgreSQL.
"""
import json
import os
import re
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")
MACHINE = ["user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"]


def ticks(stat_path):
    try:
        with open(stat_path) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime (fields 14 and 15 of stat)
    except (OSError, IndexError, ValueError):
        return 0  # the process or thread ended meanwhile: it took its ticks with it


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return b""


def threads(pid):
    groups = {}
    task = f"/proc/{pid}/task"
    for tid in os.listdir(task) if os.path.isdir(task) else []:
        name = re.sub(r"[0-9]", "N", read(f"{task}/{tid}/comm").decode(errors="replace").strip())
        if name:
            groups[name] = groups.get(name, 0) + ticks(f"{task}/{tid}/stat")
    return groups


def take(serve, load_prefix, out):
    snapshot = {"seconds": time.time(), "serve": ticks(f"/proc/{serve}/stat"), "load": 0, "rabbit": 0, "postgres": 0}
    with open("/proc/stat") as f:
        snapshot["machine"] = [int(x) for x in f.readline().split()[1:1 + len(MACHINE)]]
    prefix = load_prefix.encode().replace(b" ", b"\0")
    for pid in filter(str.isdigit, os.listdir("/proc")):
        comm = read(f"/proc/{pid}/comm").decode(errors="replace").strip()
        key = ("load" if read(f"/proc/{pid}/cmdline").startswith(prefix)
               else {"beam.smp": "rabbit", "postgres": "postgres"}.get(comm))
        if key:
            snapshot[key] += ticks(f"/proc/{pid}/stat")
    snapshot["threads"] = threads(serve)
    with open(out, "w") as f:
        json.dump(snapshot, f)


def per_text(before_path, after_path, texts, mode, load_cpu=None):
    a, b = (json.load(open(p)) for p in (before_path, after_path))
    try:
        texts = float(texts[:-2]) * (b["seconds"] - a["seconds"]) if texts.endswith("/s") else float(texts)
    except ValueError:
        sys.exit(f"per-text: TEXTS must be a number of texts or a rate such as 1000/s, got '{texts}'")
    texts = max(1.0, texts)
    ms = lambda cpu_seconds: cpu_seconds / texts * 1000
    cpu = {key: (b[key] - a[key]) / TICKS for key in ("serve", "load", "rabbit", "postgres")}
    if load_cpu is not None:
        cpu["load"] = float(load_cpu)
    names = [("serve", "serve"), ("load tool", "load")]
    if mode == "rabbit":
        names += [("RabbitMQ", "rabbit"), ("PostgreSQL", "postgres")]
    print(f"  {b['seconds'] - a['seconds']:.1f} s, {texts:.0f} texts; ms of CPU per text: "
          + ", ".join(f"{name} {ms(cpu[key]):.2f}" for name, key in names)
          + f", together {sum(ms(cpu[key]) for _, key in names):.2f}"
          + (" (RabbitMQ, PostgreSQL: all their processes, an upper bound)" if mode == "rabbit" else ""))
    used = dict(zip(MACHINE, (y - x for x, y in zip(a["machine"], b["machine"]))))
    total = max(1, sum(used.values()))
    print("  the machine's 2 cores: " + ", ".join(
        f"{kind} {used[kind] / total * 100:.0f} %" for kind in ("user", "system", "softirq", "iowait", "steal", "idle")))
    groups = sorted(((b["threads"][k] - a["threads"].get(k, 0)) / TICKS, k) for k in b["threads"])
    print("  serve by thread: " + ", ".join(f"{k} {ms(s):.2f}" for s, k in reversed(groups) if ms(s) >= 0.01))


COMMANDS = {"take": (take, 3, 3), "per-text": (per_text, 4, 5)}

if __name__ == "__main__":
    command, low, high = COMMANDS.get(sys.argv[1] if len(sys.argv) > 1 else "", (None, 0, 0))
    if command is None or not low <= len(sys.argv) - 2 <= high:
        sys.exit(__doc__.split("\n\n")[1])  # the usage lines
    command(*sys.argv[2:])
