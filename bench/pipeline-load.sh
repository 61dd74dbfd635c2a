#!/usr/bin/env bash
# End-to-end throughput and latency of `glossa serve`, driven by `glossa load` on the same machine.
#
#   bench/pipeline-load.sh embedded|rabbit RATE DURATION [DATA]
#
# embedded: serve with no options (embedded Qpid + H2) in a fresh data dir.
# rabbit:   serve on RabbitMQ 127.0.0.1:5672 (a fresh vhost) and PostgreSQL 127.0.0.1:5432 (a fresh database),
#           both removed afterwards.
# Prints the load report (JSON), the CPU seconds the serve process used per text, and the load average, since this
# machine is shared and its load changes the numbers a lot.
set -euo pipefail
MODE=${1:?embedded or rabbit}; RATE=${2:?rate}; DURATION=${3:?duration, e.g. 30s}
DATA=${4:-$(dirname "$0")/../../shared/data/leipzig_sentences.tsv}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/glossa-bench.XXXXXX)
JAR=$WORK/glossa.jar
cp "$ROOT/target/glossa.jar" "$JAR"   # a rebuild during the run must not change the classes under a running JVM
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
before=$(cpu "$SERVE")
set +e
java -jar "$JAR" load --url "http://127.0.0.1:$PORT" --rate "$RATE" --duration "$DURATION" --data "$DATA" --json >"$WORK/report.json"
status=$?
set -e
after=$(cpu "$SERVE")
python3 - "$before" "$after" "$WORK/report.json" "$MODE" <<'PY'
import json, os, sys
before, after, path, mode = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
report = json.load(open(path))
ticks = os.sysconf("SC_CLK_TCK")
done = max(1, report["completed"] + report["failed"])
print(json.dumps({"mode": mode, **report}))
print(f"serve CPU: {(after - before) / ticks:.1f} s, {(after - before) / ticks / done * 1000:.2f} ms per text; "
      f"load average: {open('/proc/loadavg').read().split()[:3]}")
PY
exit $status
