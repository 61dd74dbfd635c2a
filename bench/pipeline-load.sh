#!/usr/bin/env bash
# End-to-end throughput and latency of `glossa serve`, driven by `glossa load` on the same machine.
#
#   bench/pipeline-load.sh embedded|rabbit RATE DURATION [DATA]
#
# embedded: serve with no options (embedded Qpid + H2) in a fresh data dir.
# rabbit:   serve on RabbitMQ 127.0.0.1:5672 (a fresh vhost) and PostgreSQL 127.0.0.1:5432 (a fresh database),
#           both removed afterwards.
# Prints the load report (JSON), the CPU seconds the serve process used per text (in all and by thread group:
# compiler, Jetty, workers, relay, ...), and the load average, since this machine is shared and its load changes the
# numbers a lot. Then the latency of each stage inside serve for the texts after the warm-up (bench/stage-latency.py).
# GLOSSA_BENCH_WARMUP=60s sends at RATE for that long first and leaves those texts out of the latencies (not out of
# the loss check): a fresh serve spends its first minute compiling (BENCHMARKS.md, session 4).
# GLOSSA_BENCH_BATCH=N has the load tool post N texts per request (/api/v1/texts:batch); default 1 (/api/v1/texts).
# serve reads its GLOSSA_* environment too, e.g. GLOSSA_JOBS_PER_MESSAGE=1 to turn off several jobs per message.
set -euo pipefail
MODE=${1:?embedded or rabbit}; RATE=${2:?rate}; DURATION=${3:?duration, e.g. 30s}
DATA=${4:-$(dirname "$0")/../../shared/data/leipzig_sentences.tsv}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/glossa-bench.XXXXXX)
JAR=$WORK/glossa.jar
# GLOSSA_BENCH_JAR: another build to measure (for A/B runs in one session); a copy, so that a rebuild during the run
# does not change the classes under a running JVM
cp "${GLOSSA_BENCH_JAR:-$ROOT/target/glossa.jar}" "$JAR"
PORT=${GLOSSA_BENCH_PORT:-18090}
NAME=glossa_bench_$RANDOM$RANDOM
VHOST=${NAME//_/-}

args=(serve --data-dir "$WORK/data" --port "$PORT" --host 127.0.0.1)
if [ "$MODE" = rabbit ]; then
  rabbitmqctl -q add_vhost "$VHOST" >/dev/null
  rabbitmqctl -q set_permissions -p "$VHOST" guest ".*" ".*" ".*" >/dev/null
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $NAME" postgres
  args+=(--amqp-uri "amqp://guest:guest@127.0.0.1:5672/$VHOST" --db-url "jdbc:postgresql://127.0.0.1:5432/$NAME" --db-user postgres)
else
  args+=(--amqp-port "${GLOSSA_BENCH_AMQP_PORT:-15673}")
fi

java ${GLOSSA_BENCH_JAVA_OPTS:-} -jar "$JAR" "${args[@]}" >"$WORK/serve.log" 2>&1 &
SERVE=$!
cleanup() {
  if [ -n "${SCRAPER:-}" ]; then kill "$SCRAPER" 2>/dev/null || true; fi
  kill "$SERVE" 2>/dev/null && wait "$SERVE" 2>/dev/null || true
  if [ "$MODE" = rabbit ]; then
    rabbitmqctl -q delete_vhost "$VHOST" >/dev/null || true
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $NAME WITH (FORCE)" postgres || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 120); do grep -q "glossa serving on" "$WORK/serve.log" && break; sleep 0.5; done
grep -q "glossa serving on" "$WORK/serve.log" || { cat "$WORK/serve.log"; exit 1; }

cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }
# CPU of every RabbitMQ/PostgreSQL process: shared with other users of those servers, so an upper bound. Matched by
# process name (-x), not command line: serve's own command line contains "postgres" (--db-user, the JDBC URL), and
# until 2026-11-26 14:50 UTC `pgrep -f` counted serve's CPU a second time as PostgreSQL's.
shared_cpu() { local t=0; for p in $(pgrep -x "$1"); do t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo $t; }
# CPU ticks of serve's threads, grouped by name with the digits folded (JettyServerThreadPool-N, C2 CompilerThreadN, ...)
# (a thread may end between listing and reading: its files are then gone, and it is skipped)
threads() { for t in /proc/"$1"/task/*; do printf '%s\t%s\n' "$(cat "$t/comm" 2>/dev/null | tr '0-9' 'N')" \
  "$(awk '{print $14+$15}' "$t/stat" 2>/dev/null || echo 0)"; done | awk -F'\t' '$1 != "" {a[$1]+=$2} END {for (k in a) print k "\t" a[k]}'; }
threads "$SERVE" >"$WORK/threads.before"
# /metrics at about the end of the warm-up and after the run: bench/stage-latency.py prints each stage's latency
# for the texts in between (the timed part)
scrape() { curl -s "http://127.0.0.1:$PORT/metrics" >"$WORK/$1" || true; }
# after a warm-up + 2 s: the load tool's JVM starts before it sends, so scrape a little late rather than inside the
# warm-up; without a warm-up at once
scrape_after=$(python3 -c 'import re, sys; m = re.fullmatch(r"(\d+(?:\.\d+)?)(ms|s|m)?", sys.argv[1])
w = 0 if not m else float(m[1]) * {"ms": 0.001, "s": 1, "m": 60, None: 1}[m[2]]
print(w + 2 if w > 0 else 0)' "${GLOSSA_BENCH_WARMUP:-0s}")
(sleep "$scrape_after"; scrape metrics.before) &
SCRAPER=$!
before=$(cpu "$SERVE"); rb=$(shared_cpu beam.smp); pb=$(shared_cpu "postgres")
set +e
# the load tool runs as a child of python so that its CPU time can be read when it ends
python3 -c 'import resource, subprocess, sys
r = subprocess.run(sys.argv[2:], stdout=open(sys.argv[1] + ".json", "w"))
u = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1] + ".cpu", "w").write(str(u.ru_utime + u.ru_stime)); sys.exit(r.returncode)' \
  "$WORK/report" java -jar "$JAR" load --url "http://127.0.0.1:$PORT" --rate "$RATE" --duration "$DURATION" --data "$DATA" --json \
  --warm-up "${GLOSSA_BENCH_WARMUP:-0s}" --batch "${GLOSSA_BENCH_BATCH:-1}"
status=$?
set -e
after=$(cpu "$SERVE"); ra=$(shared_cpu beam.smp); pa=$(shared_cpu "postgres")
threads "$SERVE" >"$WORK/threads.after"
wait "$SCRAPER" 2>/dev/null || true
scrape metrics.after
python3 - "$before" "$after" "$WORK/report" "$MODE" "$rb" "$ra" "$pb" "$pa" <<'PY'
import json, os, sys
before, after = float(sys.argv[1]), float(sys.argv[2])
path, mode = sys.argv[3], sys.argv[4]
rb, ra, pb, pa = map(float, sys.argv[5:9])
report = json.load(open(path + ".json"))
load_cpu = float(open(path + ".cpu").read())
ticks = os.sysconf("SC_CLK_TCK")
done = max(1, report["completed"] + report["failed"])
ms = lambda seconds: f"{seconds / done * 1000:.2f} ms/text"
print(json.dumps({"mode": mode, **report}))
print(f"CPU: serve {(after - before) / ticks:.1f} s ({ms((after - before) / ticks)}), load tool {load_cpu:.1f} s ({ms(load_cpu)})"
      + (f", all RabbitMQ nodes {(ra - rb) / ticks:.1f} s ({ms((ra - rb) / ticks)}), all PostgreSQL {(pa - pb) / ticks:.1f} s"
         f" ({ms((pa - pb) / ticks)}) [shared servers: upper bounds]" if mode == "rabbit" else ""))
def ticks_by_thread(name):
    # a thread that ended during the run took its ticks with it: the groups may sum to less than serve's total
    return {k: float(v) for k, v in (line.rstrip("\n").split("\t") for line in open(path.replace("report", name)))}
tb, ta = ticks_by_thread("threads.before"), ticks_by_thread("threads.after")
groups = sorted(((ta[k] - tb.get(k, 0)) / ticks, k) for k in ta)
print("serve by thread: " + ", ".join(f"{k} {ms(s)}" for s, k in reversed(groups) if s / done * 1000 >= 0.01))
print(f"load average after: {open('/proc/loadavg').read().split()[:3]}")
PY
if [ "$MODE" = rabbit ]; then
  # the database's work per text over the whole run (warm-up and migrations included): transactions and rows
  sleep 1 # PostgreSQL publishes a backend's counters within a second of its last transaction
  psql -qAt -F ' ' -h 127.0.0.1 -U postgres -c "SELECT xact_commit, tup_inserted, tup_updated, tup_deleted
    FROM pg_stat_database WHERE datname = '$NAME'" postgres | python3 -c 'import json, sys
c, i, u, d = map(int, sys.stdin.read().split()); n = max(1, json.load(open(sys.argv[1]))["sent"])
print(f"PostgreSQL per text (whole run): {c / n:.2f} commits, rows {i / n:.2f} inserted, {u / n:.2f} updated, {d / n:.2f} deleted")' \
    "$WORK/report.json" || true
fi
[ -s "$WORK/metrics.before" ] && [ -s "$WORK/metrics.after" ] \
  && python3 "$ROOT/bench/stage-latency.py" "$WORK/metrics.before" "$WORK/metrics.after"
exit $status
