#!/usr/bin/env bash
# How fast does a batch go through the queue when nothing else uses the pipeline?
#
#   bench/batch-alone.sh LINES [BATCH ARGS...]      e.g. bench/batch-alone.sh 30000 --pace fixed --rate 200
#
# Starts `serve` with no options (embedded Qpid + SQLite) in a fresh data dir, writes LINES lines of real sentences
# (the shared data's, cycled), runs `glossa batch --via-queue` with the given arguments (default: the adaptive pace)
# and prints its lines/s, the wall time and the load average (the machine is shared). GLOSSA_BENCH_JAR: another build.
set -euo pipefail
LINES=${1:?lines, e.g. 30000}; shift
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${GLOSSA_BENCH_DATA:-$ROOT/../shared/data}
WORK=$(mktemp -d /tmp/glossa-batch-alone.XXXXXX)
JAR=$WORK/glossa.jar
cp "${GLOSSA_BENCH_JAR:-$ROOT/target/glossa.jar}" "$JAR"
PORT=${GLOSSA_BENCH_PORT:-18392}
python3 "$ROOT/bench/batch-input.py" "$DATA" "$LINES" "$WORK/in.txt"
java -jar "$JAR" serve --data-dir "$WORK/data" --port "$PORT" --host 127.0.0.1 \
  --amqp-port "${GLOSSA_BENCH_AMQP_PORT:-15992}" >"$WORK/serve.log" 2>&1 &
SERVE=$!
trap 'kill $SERVE 2>/dev/null && wait $SERVE 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 240); do grep -q "glossa serving on" "$WORK/serve.log" && break; sleep 0.5; done
grep -q "glossa serving on" "$WORK/serve.log" || { cat "$WORK/serve.log"; exit 1; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
java -jar "$JAR" batch --via-queue --api "http://127.0.0.1:$PORT" --in "$WORK/in.txt" --out "$WORK/out.jsonl" "$@" \
  2>"$WORK/batch.err" || true
end=$(date +%s.%N)
python3 - "$LINES" "$start" "$end" "$(wc -l <"$WORK/out.jsonl")" "$*" <<'PY'
import sys
lines, start, end, written, args = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
print(f"batch {args or '(defaults)'}: {written:,} of {lines:,} lines in {end - start:.1f} s = {lines / (end - start):,.0f} lines/s")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
tail -n 1 "$WORK/batch.err"
