#!/usr/bin/env bash
# How fast does a batch go through the queue when nothing else uses the pipeline?
#
#   bench/batch-alone.sh LINES [BATCH ARGS...]      e.g. bench/batch-alone.sh 30000 --pace fixed --rate 200
#
# Starts `serve` with no options (embedded Qpid + SQLite) in a fresh data dir, writes LINES lines of real sentences
# (the shared data's, cycled), runs `glossa batch --via-queue` with the given arguments (default: the adaptive pace)
# and prints its lines/s, the wall time, the CPU per line of serve (by thread) and of the batch client, and the load
# average (the machine is shared). GLOSSA_BENCH_JAR: another build;
# GLOSSA_BENCH_SERVE_OPTS: JVM options for serve (e.g. a JFR recording).
set -euo pipefail
LINES=${1:?lines, e.g. 30000}; shift
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${GLOSSA_BENCH_DATA:-$ROOT/../shared/data}
WORK=$(mktemp -d /tmp/glossa-batch-alone.XXXXXX)
JAR=$WORK/glossa.jar
cp "${GLOSSA_BENCH_JAR:-$ROOT/target/glossa.jar}" "$JAR"
PORT=${GLOSSA_BENCH_PORT:-18392}
python3 "$ROOT/bench/batch-input.py" "$DATA" "$LINES" "$WORK/in.txt"
java ${GLOSSA_BENCH_SERVE_OPTS:-} -jar "$JAR" serve --data-dir "$WORK/data" --port "$PORT" --host 127.0.0.1 \
  --amqp-port "${GLOSSA_BENCH_AMQP_PORT:-15992}" >"$WORK/serve.log" 2>&1 &
SERVE=$!
trap 'kill $SERVE 2>/dev/null && wait $SERVE 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 240); do grep -q "glossa serving on" "$WORK/serve.log" && break; sleep 0.5; done
grep -q "glossa serving on" "$WORK/serve.log" || { cat "$WORK/serve.log"; exit 1; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
snap() { python3 "$ROOT/bench/cpu-snapshot.py" take "$SERVE" "java -jar $JAR batch" "$WORK/cpu.$1.json"; }
snap start
start=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$WORK/batch.time" java -jar "$JAR" batch --via-queue --api "http://127.0.0.1:$PORT" --in "$WORK/in.txt" --out "$WORK/out.jsonl" "$@" \
  2>"$WORK/batch.err" || true
end=$(date +%s.%N)
snap end
python3 - "$LINES" "$start" "$end" "$(wc -l <"$WORK/out.jsonl")" "$*" <<'PY'
import sys
lines, start, end, written, args = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
print(f"batch {args or '(defaults)'}: {written:,} of {lines:,} lines in {end - start:.1f} s = {lines / (end - start):,.0f} lines/s")
PY
# the batch client's own CPU from its rusage: it has ended before the second snapshot
python3 "$ROOT/bench/cpu-snapshot.py" per-text "$WORK/cpu.start.json" "$WORK/cpu.end.json" "$LINES" embedded \
  "$(awk '{print $1 + $2}' "$WORK/batch.time")" | sed 's/load tool/batch client/'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
tail -n 1 "$WORK/batch.err"
