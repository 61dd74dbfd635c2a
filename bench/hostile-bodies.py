#!/usr/bin/env python3
"""Heap of a running glossa while hostile or full batch bodies arrive at once (issue 19, docs/reliability.md).

    bench/hostile-bodies.py PID PORT N fields|batch

fields: N bodies of 16 MiB, {"texts":["hello"],"0":0,"1":0,...} (1,490,687 ignored fields), as the issue found them.
batch:  N valid full batches: 1,000 texts of 16,700 ASCII characters (16.7 MB each).
All N are sent at once to 127.0.0.1:PORT/api/v1/texts:batch; meanwhile the heap used by PID is sampled every 0.1 s
with `jcmd PID GC.heap_info` (garbage not yet collected included). Prints each answer's status and start of body,
the heap used after a full GC before the run, and the peak during it. Run the server with the -Xmx to judge against.
"""
import http.client
import json
import re
import subprocess
import sys
import threading
import time


def heap_used_kib(pid):
    out = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True).stdout
    m = re.search(r"heap\s+total \d+K, used (\d+)K", out)
    return int(m.group(1)) if m else None


def body(kind):
    if kind == "fields":
        parts, size, i = ['{"texts":["hello"]'], 18, 0
        while size < 16 * 1024 * 1024 - 64:
            field = ',"%d":0' % i
            parts.append(field)
            size += len(field)
            i += 1
        return (''.join(parts) + '}').encode()
    text = ("This is a sentence in plain English, repeated. " * 400)[:16700]
    return json.dumps({"texts": [text] * 1000, "lane": "batch"}).encode()


def main():
    if len(sys.argv) != 5 or sys.argv[4] not in ("fields", "batch"):
        sys.exit(__doc__)
    pid, port, n, kind = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    payload = body(kind)
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True)
    time.sleep(1)
    print("body %d bytes; heap used after a full GC: %d MiB" % (len(payload), heap_used_kib(pid) // 1024), flush=True)

    def send(k):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        started = time.time()
        try:
            connection.request("POST", "/api/v1/texts:batch", payload, {"Content-Type": "application/json"})
            answer = connection.getresponse()
            text = answer.read()
            print("%d: %d %s (%d bytes) in %.1f s" % (k, answer.status, text[:90], len(text), time.time() - started),
                  flush=True)
        except Exception as e:  # a reset connection is an answer too
            print("%d: %s" % (k, e), flush=True)

    threads = [threading.Thread(target=send, args=(k,)) for k in range(n)]
    for t in threads:
        t.start()
    peak = 0
    while any(t.is_alive() for t in threads):
        used = heap_used_kib(pid)
        peak = max(peak, used or 0)
        time.sleep(0.1)
    print("peak heap used during the run: %d MiB" % (peak // 1024))


if __name__ == "__main__":
    main()
