#!/usr/bin/env bash
# Does a big batch through the queue hurt realtime latency? Realtime p99 (submit→result, `glossa load`) is measured
# on an idle `serve`, then again while `glossa batch --via-queue` pushes LINES lines through the batch lane.
#
#   bench/batch-vs-realtime.sh embedded|rabbit LINES [RATE] [DURATION]
#
# embedded: serve with no options (embedded Qpid + SQLite) in a fresh data dir.
# rabbit:   serve on RabbitMQ 127.0.0.1:5672 (a fresh vhost) and PostgreSQL 127.0.0.1:5432 (a fresh database).
# RATE (default 50 texts/s) and DURATION (default 60s) are the realtime load; the batch input cycles through the
# shared data's sentences. The batch starts 10 s before the second load run, so the queue is full when it begins;
# if the batch ends before the load run does, the run does not count (the script says so: use more LINES). After
# the measurement the batch is stopped unless GLOSSA_BENCH_FINISH_BATCH=1 (then its lines/s is printed too).
# Prints both p99s, their ratio, the batch's progress and the load average (the machine is shared).
set -euo pipefail
MODE=${1:?embedded or rabbit}; LINES=${2:?batch lines, e.g. 1000000}; RATE=${3:-50}; DURATION=${4:-60s}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${GLOSSA_BENCH_DATA:-$ROOT/../shared/data}
WORK=$(mktemp -d /tmp/glossa-batch-bench.XXXXXX)
JAR=$WORK/glossa.jar
cp "${GLOSSA_BENCH_JAR:-$ROOT/target/glossa.jar}" "$JAR"   # a rebuild during the run must not change the classes under a running JVM
PORT=${GLOSSA_BENCH_PORT:-18190}
NAME=glossa_bench_$RANDOM$RANDOM
VHOST=${NAME//_/-}

args=(serve --data-dir "$WORK/data" --port "$PORT" --host 127.0.0.1 ${GLOSSA_BENCH_SERVE_ARGS:-})
if [ "$MODE" = rabbit ]; then
  rabbitmqctl -q add_vhost "$VHOST" >/dev/null
  rabbitmqctl -q set_permissions -p "$VHOST" guest ".*" ".*" ".*" >/dev/null
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $NAME" postgres
  args+=(--amqp-uri "amqp://guest:guest@127.0.0.1:5672/$VHOST" --db-url "jdbc:postgresql://127.0.0.1:5432/$NAME" --db-user postgres)
else
  args+=(--amqp-port "${GLOSSA_BENCH_AMQP_PORT:-15773}")
fi

# LINES lines of real sentences, cycling (texts only: the batch input is one text per line)
python3 "$ROOT/bench/batch-input.py" "$DATA" "$LINES" "$WORK/batch.txt"

java ${GLOSSA_BENCH_JAVA_OPTS:-} -jar "$JAR" "${args[@]}" >"$WORK/serve.log" 2>&1 &
SERVE=$!
BATCH=
cleanup() {
  [ -n "$BATCH" ] && kill "$BATCH" 2>/dev/null && wait "$BATCH" 2>/dev/null || true
  kill "$SERVE" 2>/dev/null && wait "$SERVE" 2>/dev/null || true
  if [ "$MODE" = rabbit ]; then
    rabbitmqctl -q delete_vhost "$VHOST" >/dev/null || true
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $NAME WITH (FORCE)" postgres || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 240); do grep -q "glossa serving on" "$WORK/serve.log" && break; sleep 0.5; done
grep -q "glossa serving on" "$WORK/serve.log" || { cat "$WORK/serve.log"; exit 1; }

load() {  # one realtime load run; prints its JSON report
  java -jar "$JAR" load --url "http://127.0.0.1:$PORT" --rate "$RATE" --duration "$DURATION" \
    --data "$DATA/leipzig_sentences.tsv" --json
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
load >/dev/null || true                          # warm-up: JIT, connection pools
load >"$WORK/idle.json" || true   # a rejection or loss shows in the report
echo "load average idle run: $(cut -d' ' -f1-3 /proc/loadavg)"

java -jar "$JAR" batch --via-queue --api "http://127.0.0.1:$PORT" --in "$WORK/batch.txt" --out "$WORK/batch.jsonl" \
  ${GLOSSA_BENCH_BATCH_ARGS:-} 2>"$WORK/batch.err" &
BATCH=$!
BATCH_START=$(date +%s.%N)
sleep 10
load >"$WORK/busy.json" || true
echo "load average batch run: $(cut -d' ' -f1-3 /proc/loadavg)"
written=$(wc -l <"$WORK/batch.jsonl")
if kill -0 "$BATCH" 2>/dev/null; then still=running; else still=finished; fi
if [ "${GLOSSA_BENCH_FINISH_BATCH:-0}" = 1 ] && [ "$still" = running ]; then
  wait "$BATCH" || true; BATCH=
fi
BATCH_END=$(date +%s.%N)
python3 - "$WORK" "$still" "$written" "$BATCH_START" "$BATCH_END" "$LINES" <<'PY'
import json, sys
work, still, written, start, end, lines = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
reports = {}
for n in ("idle", "busy"):
    text = open(f"{work}/{n}.json").read().strip()
    if not text:
        print(f"no {n} report: the load tool could not run (its message is above); the machine may be overloaded")
        sys.exit(1)
    reports[n] = json.loads(text)
idle, busy = reports["idle"], reports["busy"]
for name, r in (("idle", idle), ("during batch", busy)):
    e = r["endToEnd"]
    print(f"realtime {name:13s}: p50 {e['p50']:.1f} ms, p95 {e['p95']:.1f} ms, p99 {e['p99']:.1f} ms, max {e['max']:.1f} ms "
          f"({r['completed']} done, {r['lost']} lost, {r['rejected']} rejected, {r['throughput']:.0f}/s)")
ratio = busy["endToEnd"]["p99"] / max(idle["endToEnd"]["p99"], 1e-9)
print(f"p99 during batch / idle = {ratio:.2f} (goal: at most 2)")
print(f"batch: {written:,} of {lines:,} lines written when the realtime run ended; the batch was {still} then")
if still != "running":
    print("WARNING: the batch ended before the realtime run: this run does not measure 'during batch'; use more LINES")
tail = open(f"{work}/batch.err").read().strip().splitlines()
if tail:
    print("batch progress: " + tail[-1])
PY
