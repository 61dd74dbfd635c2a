#!/usr/bin/env bash
# Scale-out measurement: one `glossa api` plus N `glossa worker` processes against one RabbitMQ and PostgreSQL,
# driven by `glossa load`; prints one table row per N with throughput, latency and where the CPU went.
#
#   scripts/scale-out.sh [--workers "1 2 4"] [--rate 3000] [--duration 20s] [--data FILE]
#                        [--amqp-uri amqp://guest:guest@127.0.0.1:5672] [--jar target/glossa.jar] [--model FILE]
#
# Each run gets its own PostgreSQL database (dropped afterwards) and its own queue prefix on the broker (queues and
# exchanges deleted afterwards), so it does not disturb anything else using the same RabbitMQ and PostgreSQL.
# Needs: psql/createdb for user postgres on 127.0.0.1:5432, python3-pika (to delete the run's queues), the jar.
set -euo pipefail
cd "$(dirname "$0")/.."

WORKERS="1 2 4"
RATE=3000
DURATION=20s
DATA=../shared/data/leipzig_sentences.tsv
AMQP_URI=amqp://guest:guest@127.0.0.1:5672
JAR=target/glossa.jar
MODEL_ARGS=()
PG="-h 127.0.0.1 -U postgres"
GLOSSA_JAVA_OPTS=${GLOSSA_JAVA_OPTS:-}   # extra JVM options for every glossa process

while [ $# -gt 0 ]; do
  case $1 in
    --workers) WORKERS=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    --amqp-uri) AMQP_URI=$2; shift 2 ;;
    --jar) JAR=$2; shift 2 ;;
    --model) MODEL_ARGS=(--model "$2"); shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -q package -DskipTests" >&2; exit 1; }
[ -f "$DATA" ] || { echo "no data file $DATA" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/glossa-scale.XXXXXX")
PIDS=()
DB=""
PREFIX=""

log() { printf '[scale-out] %s\n' "$*" >&2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_ok() { # wait_ok URL PID SECONDS
  local i
  for i in $(seq $(($3 * 4))); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { log "process $2 died; see $WORK (KEEP_LOGS=1 keeps it)"; return 1; }
    sleep 0.25
  done
  log "$1 not ready after $3 s"; return 1
}

# CPU seconds (user+system) a process and its threads used so far.
cpu_of() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat" 2>/dev/null || echo 0; }
cpu_of_all() { local s=0 p; for p in "$@"; do s=$(echo "$s + $(cpu_of "$p")" | bc); done; echo "$s"; }

delete_topology() {
  /usr/bin/python3 - "$AMQP_URI" "$1" <<'EOF' || log "warning: could not delete the run's queues (prefix $2)"
import sys, pika
uri, prefix = sys.argv[1].split(",")[0], sys.argv[2]
conn = pika.BlockingConnection(pika.URLParameters(uri))
ch = conn.channel()
for q in ("jobs.realtime", "jobs.batch", "failed"):
    ch.queue_delete(prefix + "." + q)
for x in ("jobs", "results", "models", "failed"):
    ch.exchange_delete(prefix + "." + x)
conn.close()
EOF
}

stop_all() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do
    for _ in $(seq 120); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$p" 2>/dev/null || true
  done
  PIDS=()
  if [ -n "$PREFIX" ]; then delete_topology "$PREFIX"; PREFIX=""; fi
  if [ -n "$DB" ]; then dropdb $PG --if-exists --force "$DB" || true; DB=""; fi
}
cleanup() { stop_all; if [ -n "${KEEP_LOGS:-}" ]; then log "logs kept in $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

rabbit_pid=$(pgrep -u rabbitmq -x beam.smp | head -1 || true)

printf '| workers | target rate | sent | accepted | completed | lost | throughput (results/s) | submit→result p50 / p99 / max (ms) | CPU s: api / workers / load / rabbitmq / postgres (run wall %s) |\n' "$DURATION"
printf '|---|---|---|---|---|---|---|---|---|\n'
for n in $WORKERS; do
  suffix=$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')
  DB="glossa_scale_$suffix"
  PREFIX="glossa-scale-$suffix"
  createdb $PG "$DB"
  export GLOSSA_AMQP_URI="$AMQP_URI" GLOSSA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" GLOSSA_DB_USER=postgres \
         GLOSSA_QUEUE_PREFIX="$PREFIX" GLOSSA_DB_POOL_SIZE="${GLOSSA_DB_POOL_SIZE:-8}"

  api_port=$(free_port)
  java $GLOSSA_JAVA_OPTS -Xmx512m -jar "$JAR" api --port "$api_port" > "$WORK/api-$n.log" 2>&1 &
  api_pid=$!; PIDS+=("$api_pid")
  wait_ok "http://127.0.0.1:$api_port/ready" "$api_pid" 90
  worker_pids=()
  for i in $(seq "$n"); do
    port=$(free_port)
    java $GLOSSA_JAVA_OPTS -Xmx384m -jar "$JAR" worker --metrics-port "$port" "${MODEL_ARGS[@]}" > "$WORK/worker-$n-$i.log" 2>&1 &
    worker_pids+=($!); PIDS+=($!)
    wait_ok "http://127.0.0.1:$port/ready" "$!" 90
  done

  pg_pids=$(pgrep -x postgres | tr '\n' ' ')
  # shellcheck disable=SC2086
  before_api=$(cpu_of "$api_pid"); before_w=$(cpu_of_all "${worker_pids[@]}")
  before_r=$(cpu_of_all $rabbit_pid); before_pg=$(cpu_of_all $pg_pids)
  log "$n worker(s): glossa load --rate $RATE --duration $DURATION"
  java $GLOSSA_JAVA_OPTS -Xmx512m -jar "$JAR" load --url "http://127.0.0.1:$api_port" --rate "$RATE" --duration "$DURATION" \
       --data "$DATA" --json > "$WORK/load-$n.json" 2> "$WORK/load-$n.err" &
  load_pid=$!
  load_cpu=0
  while kill -0 "$load_pid" 2>/dev/null; do load_cpu=$(cpu_of "$load_pid"); sleep 0.5; done
  wait "$load_pid" || log "glossa load exited non-zero (something lost?) for $n worker(s)"
  pg_pids_after=$(pgrep -x postgres | tr '\n' ' ')
  # shellcheck disable=SC2086
  d_api=$(echo "$(cpu_of "$api_pid") - $before_api" | bc); d_w=$(echo "$(cpu_of_all "${worker_pids[@]}") - $before_w" | bc)
  d_r=$(echo "$(cpu_of_all $rabbit_pid) - $before_r" | bc); d_pg=$(echo "$(cpu_of_all $pg_pids_after) - $before_pg" | bc)

  /usr/bin/python3 - "$WORK/load-$n.json" "$n" "$d_api" "$d_w" "$load_cpu" "$d_r" "$d_pg" <<'EOF'
import json, sys
lines = [l for l in open(sys.argv[1]) if l.startswith("{")]
r = json.loads(lines[-1])
e = r["endToEnd"]
print(f"| {sys.argv[2]} | {r['targetRate']:.0f}/s | {r['sent']} | {r['accepted']} | {r['completed']} | {r['lost']} | "
      f"{r['throughput']:.0f} | {e['p50']:.1f} / {e['p99']:.1f} / {e['max']:.1f} | "
      f"{float(sys.argv[3]):.1f} / {float(sys.argv[4]):.1f} / {float(sys.argv[5]):.1f} / {float(sys.argv[6]):.1f} / {float(sys.argv[7]):.1f} |")
EOF
  stop_all
done
