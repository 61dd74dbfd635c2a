#!/usr/bin/env bash
# Fault tests: while texts flow through `glossa api` + several `glossa worker` processes (driven by `glossa load`),
# break something, then check in the database that every accepted text got exactly one result per model version.
#
#   scripts/chaos.sh [options] SCENARIO...      SCENARIO: workers | rabbitmq | postgres | cluster | all
#
#   workers   kill -9 a random worker process --kills times (default 10) at random moments, restarting it each time
#             (a moment when no worker is ready yet waits for one: a worker still starting holds no jobs)
#             (shared RabbitMQ 127.0.0.1:5672 in a vhost of its own + a scratch database on 127.0.0.1:5432)
#   rabbitmq  restart RabbitMQ: a private node started for the run (own node name, ports, data in a temp dir) is
#             stopped (rabbitmqctl stop) and started again --down seconds later (+ a scratch database on 5432)
#   postgres  restart PostgreSQL: a private cluster (initdb in a temp dir, own port, trust auth) is stopped with
#             `pg_ctl -m immediate` (a crash: no checkpoint, recovery from the WAL) and started --down seconds later
#             (+ the shared RabbitMQ in a vhost of its own)
#   cluster   the 3-node cluster of scripts/rabbitmq-cluster.sh (in a temp dir); kill -9 the node leading the realtime
#             queue, restart it --down seconds later (+ a scratch database on 5432)
#
# Options: --texts N (100000) --rate R texts/s (400) --workers N processes (3) --threads N per worker (4)
#          --kills N (10) --down SECONDS (15) --settle SECONDS (180: after the load, how long results may stop
#          arriving before the missing ones count as lost) --seed S (random) --data FILE --jar JAR
#
# After each scenario it prints one line `[chaos] RESULT <scenario>: accepted A, results R, missing M, duplicated D,
# failed F ...` (the check is scripts/chaos-check.sql over the ids `glossa load --accepted-ids` wrote) and at the end
# a markdown table of all scenarios. Exit status: 0 if no scenario lost or duplicated anything, 1 otherwise, 2 for
# bad usage. The shared RabbitMQ and PostgreSQL are never stopped; everything the run creates is removed on exit
# (KEEP_LOGS=1 keeps the logs). Needs: java, curl, psql/createdb for user postgres on 127.0.0.1:5432, rabbitmqctl
# for the system node (root), Debian's rabbitmq-server and PostgreSQL server binaries, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
readonly ROOT=$PWD

TEXTS=100000
RATE=400
WORKERS=3
THREADS=4
KILLS=10
DOWN=15
SETTLE=180
SEED=$(( $(date +%s) % 100000 ))
DATA=../shared/data/leipzig_sentences.tsv
JAR=target/glossa.jar
SCENARIOS=()

usage() { sed -n "2,27p" "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
die() { printf '[chaos] error: %s\n' "$*" >&2; exit 2; }
positive() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 must be a positive whole number (got '$2')"; }

while [ $# -gt 0 ]; do
  case $1 in
    --texts) positive "$1" "${2:-}"; TEXTS=$2; shift 2 ;;
    --rate) positive "$1" "${2:-}"; RATE=$2; shift 2 ;;
    --workers) positive "$1" "${2:-}"; WORKERS=$2; shift 2 ;;
    --threads) positive "$1" "${2:-}"; THREADS=$2; shift 2 ;;
    --kills) positive "$1" "${2:-}"; KILLS=$2; shift 2 ;;
    --down) positive "$1" "${2:-}"; DOWN=$2; shift 2 ;;
    --settle) positive "$1" "${2:-}"; SETTLE=$2; shift 2 ;;
    --seed) [[ "${2:-}" =~ ^[0-9]+$ ]] || die "--seed must be a whole number"; SEED=$2; shift 2 ;;
    --data) DATA=${2:?--data needs a file}; shift 2 ;;
    --jar) JAR=${2:?--jar needs a file}; shift 2 ;;
    -h|--help) usage 0 ;;
    workers|rabbitmq|postgres|cluster) SCENARIOS+=("$1"); shift ;;
    all) SCENARIOS+=(workers rabbitmq postgres cluster); shift ;;
    *) printf '[chaos] unknown argument %s\n' "$1" >&2; usage 2 ;;
  esac
done
[ ${#SCENARIOS[@]} -ge 1 ] || { printf '[chaos] name at least one scenario\n' >&2; usage 2; }
[ -f "$JAR" ] || die "no $JAR: run mvn -B -q package -DskipTests"
[ -f "$DATA" ] || die "no data file $DATA"
JAR=$(realpath "$JAR"); DATA=$(realpath "$DATA")

readonly PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
readonly RMQ_BIN=/usr/lib/rabbitmq/bin
readonly SHARED_PG=(-h 127.0.0.1 -p 5432 -U postgres)
readonly RUN_ID=$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')
WORK=$(mktemp -d "${TMPDIR:-/tmp}/glossa-chaos.XXXXXX")
# The jar is copied: a rebuild during a long run must not change the classes under running JVMs.
cp "$JAR" "$WORK/glossa.jar"; JAR=$WORK/glossa.jar

log() { printf '[chaos] %s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
# /usr/bin/python3, not a pyenv shim on PATH: the shim takes seconds to start on a loaded machine, delaying the faults.
readonly PY=/usr/bin/python3
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
elapsed() { echo $(( $(date +%s) - $1 )); }

# ---------------------------------------------------------------- state of the current scenario, undone by teardown
PIDS=()            # api + workers (+ load)
WORKER_PIDS=()     # by slot
VHOST=""           # on the shared RabbitMQ
DB=""              # on the shared PostgreSQL
PRIVATE_PG=""      # dir of the private PostgreSQL cluster
PRIVATE_RABBIT=""  # dir of the private RabbitMQ node
CLUSTER_DIR=""     # dir of the 3-node cluster
PSQL=()            # how to reach the scenario's database
AMQP_URI=""
DB_URL=""

# ---------------------------------------------------------------- shared servers: a vhost and a database of our own
shared_vhost() {
  VHOST="glossa-chaos-$RUN_ID-$1"
  rabbitmqctl -q add_vhost "$VHOST" > /dev/null
  rabbitmqctl -q set_permissions -p "$VHOST" guest '.*' '.*' '.*' > /dev/null
  AMQP_URI="amqp://guest:guest@127.0.0.1:5672/$VHOST"
}

shared_db() {
  DB="glossa_chaos_${RUN_ID}_$1"
  createdb "${SHARED_PG[@]}" "$DB"
  DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
  PSQL=(psql "${SHARED_PG[@]}" -d "$DB" -v ON_ERROR_STOP=1 -q)
}

# ---------------------------------------------------------------- a private PostgreSQL cluster
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

private_pg_start() { as_postgres "$PG_BIN/pg_ctl" -D "$PRIVATE_PG/data" -l "$PRIVATE_PG/server.log" -w -t 120 start > /dev/null; }
private_pg_crash() { as_postgres "$PG_BIN/pg_ctl" -D "$PRIVATE_PG/data" -m immediate -w stop > /dev/null; }

private_pg() {
  [ -x "$PG_BIN/initdb" ] || die "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb)"
  local port; port=$(free_port)
  # initdb refuses to run as root: the cluster belongs to user postgres when we are root, so its dir must be theirs.
  PRIVATE_PG=$(mktemp -d "${TMPDIR:-/tmp}/glossa-chaos-pg.XXXXXX")
  [ "$(id -u)" = 0 ] && chown postgres: "$PRIVATE_PG"
  as_postgres "$PG_BIN/initdb" -D "$PRIVATE_PG/data" -U postgres -A trust -E UTF8 --no-instructions > "$PRIVATE_PG/initdb.log"
  cat >> "$PRIVATE_PG/data/postgresql.conf" <<EOF
# scripts/chaos.sh: loopback only, own port and socket dir; fsync stays on (the default): durability is the point
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PRIVATE_PG'
max_connections = 200
EOF
  private_pg_start
  log "private PostgreSQL on 127.0.0.1:$port (data $PRIVATE_PG/data)"
  psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE glossa" postgres
  DB_URL="jdbc:postgresql://127.0.0.1:$port/glossa"
  PSQL=(psql -h 127.0.0.1 -p "$port" -U postgres -d glossa -v ON_ERROR_STOP=1 -q)
}

# ---------------------------------------------------------------- a private RabbitMQ node (like rabbitmq-cluster.sh)
RABBIT_NODE="glossa-chaos-$RUN_ID@localhost"
rabbit_env() {
  export HOME="$PRIVATE_RABBIT"   # its own Erlang cookie, never the system node's
  export RABBITMQ_CONF_ENV_FILE="$PRIVATE_RABBIT/rabbitmq-env.conf"
  export RABBITMQ_NODENAME="$RABBIT_NODE" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$RABBIT_PORT" RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT"
  export RABBITMQ_CONFIG_FILE="$PRIVATE_RABBIT/rabbitmq.conf"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$PRIVATE_RABBIT/enabled_plugins"
  export RABBITMQ_MNESIA_BASE="$PRIVATE_RABBIT/mnesia" RABBITMQ_LOG_BASE="$PRIVATE_RABBIT/log"
  export RABBITMQ_PID_FILE="$PRIVATE_RABBIT/rabbitmq.pid"
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_DIST_PORT_MIN=35710 RABBITMQ_CTL_DIST_PORT_MAX=35729
  export ERL_EPMD_PORT="$RABBIT_EPMD_PORT" ERL_EPMD_ADDRESS=127.0.0.1
  unset ERL_FLAGS
}
rabbit_ctl() { ( rabbit_env; "$RMQ_BIN/rabbitmqctl" -q -n "$RABBIT_NODE" "$@" ); }
rabbit_beam() { local p; p=$(tr -dc '0-9' < "$PRIVATE_RABBIT/rabbitmq.pid" 2>/dev/null) && [ -n "$p" ] && kill -0 "$p" 2>/dev/null && echo "$p"; }

private_rabbit_start() {
  rm -f "$PRIVATE_RABBIT/rabbitmq.pid"
  ( rabbit_env; cd "$PRIVATE_RABBIT"; setsid "$RMQ_BIN/rabbitmq-server" >> "$PRIVATE_RABBIT/log/startup.log" 2>&1 < /dev/null & )
  rabbit_ctl wait --timeout 120 "$PRIVATE_RABBIT/rabbitmq.pid" > /dev/null 2>&1 \
    || { log "private RabbitMQ did not start; see $PRIVATE_RABBIT/log"; return 1; }
}

private_rabbit_stop() {
  local pid; pid=$(rabbit_beam) || return 0
  rabbit_ctl stop > /dev/null 2>&1 || true
  local i; for i in $(seq 600); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  log "private RabbitMQ did not stop within 60 s; kill -9 $pid"; kill -9 "$pid" 2>/dev/null || true
}

private_rabbit() {
  [ -x "$RMQ_BIN/rabbitmq-server" ] || die "RabbitMQ is not installed ($RMQ_BIN/rabbitmq-server)"
  PRIVATE_RABBIT=$(mktemp -d "${TMPDIR:-/tmp}/glossa-chaos-rabbit.XXXXXX")
  RABBIT_PORT=$(free_port); RABBIT_DIST_PORT=$(free_port); RABBIT_EPMD_PORT=$(free_port)
  mkdir -p "$PRIVATE_RABBIT/mnesia" "$PRIVATE_RABBIT/log"
  (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr 'a-f' 'A-F' > "$PRIVATE_RABBIT/.erlang.cookie")
  chmod 400 "$PRIVATE_RABBIT/.erlang.cookie"
  : > "$PRIVATE_RABBIT/rabbitmq-env.conf"
  echo '[].' > "$PRIVATE_RABBIT/enabled_plugins"
  cat > "$PRIVATE_RABBIT/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$RABBIT_PORT
loopback_users.guest = true
log.console = false
EOF
  private_rabbit_start
  log "private RabbitMQ $RABBIT_NODE on 127.0.0.1:$RABBIT_PORT (data $PRIVATE_RABBIT)"
  AMQP_URI="amqp://guest:guest@127.0.0.1:$RABBIT_PORT"
}

# ---------------------------------------------------------------- the 3-node cluster
cluster() { bash "$ROOT/scripts/rabbitmq-cluster.sh" --dir "$CLUSTER_DIR" "$@"; }

# ---------------------------------------------------------------- glossa processes
wait_ok() { # wait_ok URL PID SECONDS LOG
  local i
  for i in $(seq $(($3 * 4))); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { log "process $2 died:"; tail -20 "$4" >&2; return 1; }
    sleep 0.25
  done
  log "$1 not ready after $3 s"; return 1
}

glossa_env() {
  # A pool of 5 per process (default 10): 4 processes fit the shared PostgreSQL's 100 connections beside other users.
  export GLOSSA_AMQP_URI="$AMQP_URI" GLOSSA_DB_URL="$DB_URL" GLOSSA_DB_USER=postgres GLOSSA_QUEUE_PREFIX=glossa-chaos \
         GLOSSA_DB_POOL_SIZE="${GLOSSA_DB_POOL_SIZE:-5}"
}

start_api() { # sets API_PORT
  API_PORT=$(free_port)
  ( glossa_env; exec java -Xmx512m -jar "$JAR" api --port "$API_PORT" --host 127.0.0.1 ) > "$WORK/$SCENARIO-api.log" 2>&1 &
  API_PID=$!; PIDS+=("$API_PID")
  wait_ok "http://127.0.0.1:$API_PORT/ready" "$API_PID" 120 "$WORK/$SCENARIO-api.log"
}

start_worker() { # start_worker SLOT: a worker process in that slot (a restart replaces the slot's pid)
  local slot=$1 port
  port=$(free_port)
  ( glossa_env; exec java -Xmx384m -jar "$JAR" worker --workers "$THREADS" --metrics-port "$port" ) \
    >> "$WORK/$SCENARIO-worker$slot.log" 2>&1 &
  WORKER_PIDS[$slot]=$!; WORKER_PORTS[$slot]=$port; PIDS+=($!)
}

start_workers() {
  local slot
  WORKER_PIDS=(); WORKER_PORTS=()
  for slot in $(seq "$WORKERS"); do start_worker "$slot"; done
  for slot in $(seq "$WORKERS"); do
    wait_ok "http://127.0.0.1:${WORKER_PORTS[$slot]}/ready" "${WORKER_PIDS[$slot]}" 120 "$WORK/$SCENARIO-worker$slot.log"
  done
}

ready_slots() { # the slots whose worker answers /ready (it consumes, so it holds unacked jobs when killed)
  local slot
  for slot in $(seq "$WORKERS"); do
    curl -fsS -m 2 -o /dev/null "http://127.0.0.1:${WORKER_PORTS[$slot]}/ready" 2>/dev/null && echo "$slot"
  done
  return 0
}

# kill -9 a random worker that is consuming, and start a new one in its slot at once (as a supervisor would). A worker
# still starting holds no jobs, so killing it would test nothing: when none is ready, the kill waits for one.
kill_worker() {
  local slots=() slot pid i pending
  for i in $(seq 240); do
    mapfile -t slots < <(ready_slots)
    [ ${#slots[@]} -gt 0 ] && break
    sleep 0.5
  done
  [ ${#slots[@]} -gt 0 ] || { log "no worker ready for 2 minutes; killing one anyway"; slots=(1); }
  slot=${slots[$(( RANDOM % ${#slots[@]} ))]}
  pid=${WORKER_PIDS[$slot]}
  pending=$("${PSQL[@]}" -Atc "SELECT count(*) FROM texts WHERE status = 'pending'" 2>/dev/null || echo '?')
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  start_worker "$slot"
  log "t+$(elapsed "$T0")s: kill -9 worker $slot (pid $pid, one of ${#slots[@]} ready, $pending texts pending); restarted as pid ${WORKER_PIDS[$slot]}"
}

# ---------------------------------------------------------------- one scenario
SEND_SECONDS=$("$PY" -c "import math; print(max(1, math.ceil($TEXTS / $RATE)))")
# The load tool sends round(rate × duration) texts: a duration in milliseconds makes that exactly --texts.
SEND_MILLIS=$("$PY" -c "print(round($TEXTS * 1000 / $RATE))")

start_load() {
  java -Xmx512m -jar "$JAR" load --url "http://127.0.0.1:$API_PORT" --rate "$RATE" --duration "${SEND_MILLIS}ms" \
    --data "$DATA" --concurrency 64 --drain-timeout 60s --accepted-ids "$WORK/$SCENARIO-accepted.txt" --json \
    > "$WORK/$SCENARIO-load.json" 2> "$WORK/$SCENARIO-load.err" &
  LOAD_PID=$!
}

sleep_until() { # sleep_until MILLIS after T0
  local now; now=$(( $(date +%s%3N) - T0_MS ))
  if [ "$1" -gt "$now" ]; then sleep "$(printf '%d.%03d' $(( ($1 - now) / 1000 )) $(( ($1 - now) % 1000 )))"; fi
}

faults_workers() {
  local t
  # --kills random moments within the send window (5%..95%), sorted; --seed makes them repeatable
  for t in $("$PY" -c "import random; r = random.Random($SEED); print(' '.join(str(round(x)) for x in sorted(r.uniform(0.05, 0.95) * $SEND_MILLIS for _ in range($KILLS))))"); do
    sleep_until "$t"
    kill_worker
  done
}

faults_rabbitmq() {
  sleep_until $(( SEND_MILLIS * 2 / 5 ))
  log "t+$(elapsed "$T0")s: stopping RabbitMQ ($RABBIT_NODE, rabbitmqctl stop)"
  private_rabbit_stop
  log "t+$(elapsed "$T0")s: RabbitMQ stopped; starting it again in $DOWN s"
  sleep "$DOWN"
  private_rabbit_start
  log "t+$(elapsed "$T0")s: RabbitMQ is back"
}

faults_postgres() {
  sleep_until $(( SEND_MILLIS * 2 / 5 ))
  log "t+$(elapsed "$T0")s: stopping PostgreSQL (pg_ctl stop -m immediate: a crash)"
  private_pg_crash
  log "t+$(elapsed "$T0")s: PostgreSQL down; starting it again in $DOWN s"
  sleep "$DOWN"
  private_pg_start
  log "t+$(elapsed "$T0")s: PostgreSQL is back (recovered from its WAL)"
}

faults_cluster() {
  local victim=$CLUSTER_VICTIM
  sleep_until $(( SEND_MILLIS * 2 / 5 ))
  log "t+$(elapsed "$T0")s: kill -9 cluster node $victim (leader of glossa-chaos.jobs.realtime)"
  cluster kill "$victim" >&2
  sleep "$DOWN"
  cluster restart "$victim" >&2
  log "t+$(elapsed "$T0")s: node $victim is back"
}

# Chosen before the load starts: rabbitmqctl took minutes on the loaded machine, which delayed the kill that long.
choose_cluster_victim() {
  CLUSTER_VICTIM=$(cluster leader glossa-chaos.jobs.realtime 2>/dev/null) || CLUSTER_VICTIM=1
  log "the realtime queue's leader is node $CLUSTER_VICTIM: the one to kill"
}

missing_now() {
  "${PSQL[@]}" -Atc "SELECT count(*) FROM chaos_accepted a WHERE NOT EXISTS (SELECT 1 FROM results r WHERE r.text_id = a.id)"
}

# After the load: results may still be on their way (a backlog, a redelivery). Wait while the missing count falls.
settle() {
  local missing last since
  missing=$(missing_now); last=$missing; since=$(date +%s)
  while [ "$missing" -gt 0 ] && [ "$(elapsed "$since")" -lt "$SETTLE" ]; do
    sleep 5
    missing=$(missing_now)
    if [ "$missing" -lt "$last" ]; then last=$missing; since=$(date +%s); fi
  done
  log "t+$(elapsed "$T0")s: $missing accepted texts without a result after settling"
}

setup() {
  case $SCENARIO in
    workers) shared_vhost "$SCENARIO"; shared_db "$SCENARIO" ;;
    rabbitmq) private_rabbit; shared_db "$SCENARIO" ;;
    postgres) shared_vhost "$SCENARIO"; private_pg ;;
    cluster)
      CLUSTER_DIR="$WORK/cluster"
      cluster start >&2
      AMQP_URI=$(cluster uris)
      shared_db "$SCENARIO" ;;
  esac
}

teardown() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do
    for _ in $(seq 120); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$p" 2>/dev/null || true
  done
  PIDS=(); WORKER_PIDS=()
  if [ -n "${LOAD_PID:-}" ]; then kill -9 "$LOAD_PID" 2>/dev/null || true; LOAD_PID=""; fi
  if [ -n "$VHOST" ]; then rabbitmqctl -q delete_vhost "$VHOST" > /dev/null 2>&1 || log "warning: could not delete vhost $VHOST"; VHOST=""; fi
  if [ -n "$DB" ]; then dropdb "${SHARED_PG[@]}" --if-exists --force "$DB" || log "warning: could not drop $DB"; DB=""; fi
  if [ -n "$PRIVATE_PG" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PRIVATE_PG/data" -m fast -w stop > /dev/null 2>&1 || true
    [ -n "${KEEP_LOGS:-}" ] && cp "$PRIVATE_PG/server.log" "$WORK/$SCENARIO-postgres.log" 2>/dev/null
    rm -rf "$PRIVATE_PG"; PRIVATE_PG=""
  fi
  if [ -n "$PRIVATE_RABBIT" ]; then
    private_rabbit_stop
    ( rabbit_env; epmd -kill > /dev/null 2>&1 || true )
    [ -n "${KEEP_LOGS:-}" ] && cp -r "$PRIVATE_RABBIT/log" "$WORK/$SCENARIO-rabbitmq-log" 2>/dev/null
    rm -rf "$PRIVATE_RABBIT"; PRIVATE_RABBIT=""
  fi
  if [ -n "$CLUSTER_DIR" ]; then
    if [ -n "${KEEP_LOGS:-}" ]; then cluster stop --keep >&2 || true; else cluster stop >&2 || true; fi
    CLUSTER_DIR=""
  fi
}

cleanup() {
  teardown
  if [ -n "${KEEP_LOGS:-}" ]; then log "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ROWS=()
FAILED_SCENARIOS=0

run_scenario() {
  SCENARIO=$1
  local t_start load_json counts
  t_start=$(date +%s)
  log "=== $SCENARIO: $TEXTS texts at $RATE/s (~${SEND_SECONDS}s of sending), $WORKERS worker processes × $THREADS threads, seed $SEED"
  setup
  start_api
  start_workers
  [ "$SCENARIO" = cluster ] && choose_cluster_victim
  T0=$(date +%s); T0_MS=$(date +%s%3N)
  start_load
  "faults_$SCENARIO"
  wait "$LOAD_PID" || true   # exit 1 = something rejected or not answered in time: the database check decides
  LOAD_PID=""
  load_json=$(grep '^{' "$WORK/$SCENARIO-load.json" | tail -1 || true)
  [ -n "$load_json" ] || { log "glossa load printed no report:"; cat "$WORK/$SCENARIO-load.err" >&2; }
  log "t+$(elapsed "$T0")s: load finished: $load_json"
  "${PSQL[@]}" -c "CREATE TABLE chaos_accepted (id uuid NOT NULL)"
  "${PSQL[@]}" -c "\\copy chaos_accepted FROM '$WORK/$SCENARIO-accepted.txt'"
  settle
  counts=$("${PSQL[@]}" -AtF ' ' -f "$ROOT/scripts/chaos-check.sql")
  local accepted results missing duplicated failed not_stored repeated outbox
  read -r accepted results missing duplicated failed not_stored repeated outbox <<< "$counts"
  local rejected sent verdict=PASS
  sent=$("$PY" -c "import json,sys; print(json.loads(sys.argv[1])['sent'])" "$load_json" 2>/dev/null || echo '?')
  rejected=$("$PY" -c "import json,sys; print(json.loads(sys.argv[1])['rejected'])" "$load_json" 2>/dev/null || echo '?')
  if [ "$missing" != 0 ] || [ "$duplicated" != 0 ] || [ "$repeated" != 0 ] || [ "$accepted" = 0 ]; then
    verdict=FAIL; FAILED_SCENARIOS=$((FAILED_SCENARIOS + 1))
  fi
  local load_avg duration
  load_avg=$(cut -d' ' -f1-3 /proc/loadavg)
  duration=$(elapsed "$t_start")
  printf '[chaos] RESULT %s: accepted %s, results %s, missing %s, duplicated %s, failed %s (sent %s, rejected %s, accepted without a stored text %s, ids answered twice %s, outbox left %s); %s in %s s (load and settle %s s), load average %s\n' \
    "$SCENARIO" "$accepted" "$results" "$missing" "$duplicated" "$failed" "$sent" "$rejected" "$not_stored" "$repeated" \
    "$outbox" "$verdict" "$duration" "$(elapsed "$T0")" "$load_avg"
  if [ "$verdict" = FAIL ]; then
    log "examples of missing ids:"
    "${PSQL[@]}" -Atc "SELECT a.id, coalesce(t.status, 'no text row'), coalesce(t.error_reason, '') FROM chaos_accepted a
                       LEFT JOIN texts t ON t.id = a.id
                       WHERE NOT EXISTS (SELECT 1 FROM results r WHERE r.text_id = a.id) LIMIT 10" >&2 || true
  fi
  ROWS+=("| $SCENARIO | $sent | $accepted | $results | $missing | $duplicated | $failed | $rejected | $duration | $load_avg | $verdict |")
  teardown
}

for s in "${SCENARIOS[@]}"; do run_scenario "$s"; done

echo
echo "| scenario | sent | accepted | results | missing | duplicated | failed | rejected | seconds | load average after | verdict |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
[ "$FAILED_SCENARIOS" = 0 ]
