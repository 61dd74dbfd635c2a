#!/usr/bin/env bash
# Scale-out measurement: one `glossa api` plus N `glossa worker` processes against one RabbitMQ and PostgreSQL.
# Prints one markdown table row per N, with where the CPU went (so the limit is visible).
#
#   scripts/scale-out.sh [--mode load|drain] [--workers "1 2 4"] [--data FILE] [--jar target/glossa.jar] [--model FILE]
#                        [--amqp-uri amqp://guest:guest@127.0.0.1:5672]
#     --mode load  (default): `glossa load --rate R --duration D` end to end through the API   [--rate 3000] [--duration 20s]
#     --mode drain: the API first queues T texts with no worker running; then N workers start and the row gives
#                   their drain rate between 20% and 90% done (from results.completed_at)     [--texts 30000]
#
# Each row gets its own PostgreSQL database (dropped afterwards) and its own queue prefix on the broker (queues and
# exchanges deleted afterwards), so it does not disturb anything else using the same RabbitMQ and PostgreSQL.
# Needs: psql/createdb for user postgres on 127.0.0.1:5432, python3 with pika, curl, bc, the jar.
# KEEP_LOGS=1 keeps the processes' logs; GLOSSA_JAVA_OPTS adds JVM options to every glossa process.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=load
WORKERS="1 2 4"
RATE=3000
DURATION=20s
TEXTS=30000
DATA=../shared/data/leipzig_sentences.tsv
AMQP_URI=amqp://guest:guest@127.0.0.1:5672
JAR=target/glossa.jar
MODEL_ARGS=()
PG=(-h 127.0.0.1 -U postgres)
GLOSSA_JAVA_OPTS=${GLOSSA_JAVA_OPTS:-}

while [ $# -gt 0 ]; do
  case $1 in
    --mode) MODE=$2; shift 2 ;;
    --workers) WORKERS=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --texts) TEXTS=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    --amqp-uri) AMQP_URI=$2; shift 2 ;;
    --jar) JAR=$2; shift 2 ;;
    --model) MODEL_ARGS=(--model "$2"); shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case $MODE in load|drain) ;; *) echo "--mode must be load or drain" >&2; exit 2 ;; esac
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -q package -DskipTests" >&2; exit 1; }
[ -f "$DATA" ] || { echo "no data file $DATA" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/glossa-scale.XXXXXX")
PIDS=()
DB=""
PREFIX=""

log() { printf '[scale-out] %s\n' "$*" >&2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_ok() { # wait_ok URL PID SECONDS LOG
  local i
  for i in $(seq $(($3 * 4))); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { log "process $2 died:"; tail -20 "$4" >&2; return 1; }
    sleep 0.25
  done
  log "$1 not ready after $3 s"; return 1
}

# CPU seconds (user+system) a process and its threads used so far.
cpu_of() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat" 2>/dev/null || echo 0; }
cpu_of_all() { local s=0 p; for p in "$@"; do s=$(echo "$s + $(cpu_of "$p")" | bc); done; echo "$s"; }

sql() { psql "${PG[@]}" -d "$DB" -Atc "$1"; }

delete_topology() {
  /usr/bin/python3 - "$AMQP_URI" "$1" <<'EOF' || log "warning: could not delete the queues of prefix $1"
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
  if [ -n "$DB" ]; then dropdb "${PG[@]}" --if-exists --force "$DB" || true; DB=""; fi
}
cleanup() { stop_all; if [ -n "${KEEP_LOGS:-}" ]; then log "logs kept in $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

rabbit_pid=$(pgrep -u rabbitmq -x beam.smp | head -1 || true)

new_environment() { # a database and queue prefix of its own for one row
  local suffix
  suffix=$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')
  DB="glossa_scale_$suffix"
  PREFIX="glossa-scale-$suffix"
  createdb "${PG[@]}" "$DB"
  export GLOSSA_AMQP_URI="$AMQP_URI" GLOSSA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" GLOSSA_DB_USER=postgres \
         GLOSSA_QUEUE_PREFIX="$PREFIX" GLOSSA_DB_POOL_SIZE="${GLOSSA_DB_POOL_SIZE:-8}"
}

start_api() { # sets API_PID, API_PORT
  API_PORT=$(free_port)
  # shellcheck disable=SC2086
  java $GLOSSA_JAVA_OPTS -Xmx512m -jar "$JAR" api --port "$API_PORT" > "$WORK/api-$1.log" 2>&1 &
  API_PID=$!; PIDS+=("$API_PID")
  wait_ok "http://127.0.0.1:$API_PORT/ready" "$API_PID" 90 "$WORK/api-$1.log"
}

start_workers() { # start_workers N: starts them all, then waits until each is ready; sets WORKER_PIDS
  local i port ports=()
  WORKER_PIDS=()
  for i in $(seq "$1"); do
    port=$(free_port); ports+=("$port")
    # shellcheck disable=SC2086
    java $GLOSSA_JAVA_OPTS -Xmx384m -jar "$JAR" worker --metrics-port "$port" "${MODEL_ARGS[@]}" > "$WORK/worker-$1-$i.log" 2>&1 &
    WORKER_PIDS+=($!); PIDS+=($!)
  done
  for i in $(seq "$1"); do
    wait_ok "http://127.0.0.1:${ports[$((i - 1))]}/ready" "${WORKER_PIDS[$((i - 1))]}" 120 "$WORK/worker-$1-$i.log"
  done
}

cpu_snapshot() { # api workers rabbitmq postgres
  # shellcheck disable=SC2046,SC2086
  echo "$(cpu_of "$API_PID") $(cpu_of_all "${WORKER_PIDS[@]}") $(cpu_of_all $rabbit_pid) $(cpu_of_all $(pgrep -x postgres))"
}

cpu_delta() { # cpu_delta "BEFORE" "AFTER" -> "api / workers / rabbitmq / postgres"
  local b=($1) a=($2)
  printf '%.1f / %.1f / %.1f / %.1f' "$(echo "${a[0]} - ${b[0]}" | bc)" "$(echo "${a[1]} - ${b[1]}" | bc)" \
    "$(echo "${a[2]} - ${b[2]}" | bc)" "$(echo "${a[3]} - ${b[3]}" | bc)"
}

load_row() { # load_row N
  local n=$1 before after load_pid load_cpu=0
  new_environment; start_api "$n"; start_workers "$n"
  before=$(cpu_snapshot)
  log "$n worker(s): glossa load --rate $RATE --duration $DURATION"
  # shellcheck disable=SC2086
  java $GLOSSA_JAVA_OPTS -Xmx512m -jar "$JAR" load --url "http://127.0.0.1:$API_PORT" --rate "$RATE" --duration "$DURATION" \
       --data "$DATA" --json > "$WORK/load-$n.json" 2> "$WORK/load-$n.err" &
  load_pid=$!
  while kill -0 "$load_pid" 2>/dev/null; do load_cpu=$(cpu_of "$load_pid"); sleep 0.5; done
  wait "$load_pid" || log "glossa load exited non-zero (something lost?) for $n worker(s)"
  after=$(cpu_snapshot)
  /usr/bin/python3 - "$WORK/load-$n.json" "$n" "$(cpu_delta "$before" "$after")" "$load_cpu" "$(cut -d' ' -f1 /proc/loadavg)" <<'EOF'
import json, sys
lines = [l for l in open(sys.argv[1]) if l.startswith("{")]
r = json.loads(lines[-1])
e = r["endToEnd"]
print(f"| {sys.argv[2]} | {r['targetRate']:.0f}/s | {r['sendRate']:.0f}/s | {r['accepted']} | {r['completed']} | {r['lost']} | "
      f"{r['throughput']:.0f} | {e['p50']:.0f} / {e['p99']:.0f} / {e['max']:.0f} | {sys.argv[3]} / {float(sys.argv[4]):.1f} | {sys.argv[5]} |")
EOF
  stop_all
}

drain_row() { # drain_row N
  local n=$1 before after t_fill done_count
  new_environment; start_api "$n"
  log "$n worker(s): queueing $TEXTS texts with no worker running"
  t_fill=$(/usr/bin/python3 - "http://127.0.0.1:$API_PORT" "$DATA" "$TEXTS" <<'EOF'
import json, sys, time, urllib.request
url, data, total = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = [l.rstrip("\n").split("\t", 1)[-1] for l in open(data, encoding="utf-8") if l.strip()]
start, sent, i = time.time(), 0, 0
while sent < total:
    batch = []
    while len(batch) < min(1000, total - sent):
        batch.append(texts[i % len(texts)]); i += 1
    body = json.dumps({"texts": batch, "lane": "realtime"}).encode()
    req = urllib.request.Request(url + "/api/v1/texts:batch", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        assert r.status == 202, r.status
    sent += len(batch)
print(f"{time.time() - start:.1f}")
EOF
)
  for _ in $(seq 240); do [ "$(sql 'SELECT count(*) FROM outbox')" = 0 ] && break; sleep 0.5; done
  [ "$(sql 'SELECT count(*) FROM outbox')" = 0 ] || { log "outbox did not drain"; stop_all; return 1; }
  WORKER_PIDS=()
  before=$(cpu_snapshot)
  start_workers "$n"
  for _ in $(seq 1200); do
    done_count=$(sql 'SELECT count(*) FROM results')
    [ "$done_count" -ge "$TEXTS" ] && break
    sleep 0.5
  done
  after=$(cpu_snapshot)
  # Steady-state rate: between the 20% and the 90% result, so JVM start-up and the tail do not count.
  local rate
  rate=$(sql "WITH r AS (SELECT completed_at, row_number() OVER (ORDER BY completed_at) AS k FROM results)
              SELECT round((0.7 * $TEXTS / extract(epoch FROM max(completed_at) FILTER (WHERE k = ceil(0.9 * $TEXTS))
                                                       - max(completed_at) FILTER (WHERE k = ceil(0.2 * $TEXTS))))::numeric)
              FROM r")
  printf '| %s | %s | %s | %s | %s | %s |\n' "$n" "$TEXTS" "$done_count" "$rate" "$(cpu_delta "$before" "$after")" \
    "$(cut -d' ' -f1 /proc/loadavg)"
  log "queued $TEXTS texts in ${t_fill}s"
  stop_all
}

if [ "$MODE" = load ]; then
  echo "| workers | target rate | send rate | accepted | completed | lost | throughput (results/s) | submit→result p50 / p99 / max (ms) | CPU s during the run: api / workers / rabbitmq / postgres / load tool | load avg (1 min) after |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for n in $WORKERS; do load_row "$n"; done
else
  echo "| workers | texts queued | results | drain rate 20%→90% (results/s) | CPU s during the drain: api / workers / rabbitmq / postgres | load avg (1 min) after |"
  echo "|---|---|---|---|---|---|"
  for n in $WORKERS; do drain_row "$n"; done
fi
