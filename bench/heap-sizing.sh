#!/usr/bin/env bash
# Heap a glossa process needs: run one role with each -Xmx under a steady `glossa load`, and per run print one
# markdown row with what the load tool saw (throughput, lost, p99), the heap still live after a full GC forced in the
# middle of the load (`jcmd PID GC.run`, then jvm_memory_used_bytes{area="heap"} from /metrics), the GC pause time of
# the run (jvm_gc_pause_seconds), whether the process survived, and the load average.
#
#   bench/heap-sizing.sh serve|api|worker|split "64m 48m 32m" [RATE=200] [DURATION=60s] [DATA]
#
# serve:  `glossa serve` with nothing else (embedded Qpid + SQLite) gets the -Xmx.
# api:    `glossa api` gets the -Xmx; one `glossa worker` (-Xmx512m) does the work.   } RabbitMQ 127.0.0.1:5672 and
# worker: `glossa worker` gets the -Xmx; `glossa api` runs with -Xmx512m.             } PostgreSQL 127.0.0.1:5432;
# split:  both get the -Xmx.                                                           } a row for each process
# Each run has its own data dir / database / vhost, removed afterwards. Needs curl, jcmd, psql, rabbitmqctl, the jar.
set -euo pipefail
ROLE=${1:?serve, api or worker}; HEAPS=${2:?-Xmx values, e.g. "64m 48m"}
RATE=${3:-200}; DURATION=${4:-60s}
DATA=${5:-$(dirname "$0")/../../shared/data/leipzig_sentences.tsv}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
case $ROLE in serve|api|worker|split) ;; *) echo "role must be serve, api, worker or split" >&2; exit 2 ;; esac
SECONDS_TOTAL=${DURATION%s}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/glossa-heap.XXXXXX")
JAR=$WORK/glossa.jar
cp "$ROOT/target/glossa.jar" "$JAR"   # a rebuild during the run must not change the classes under a running JVM
PIDS=(); NAME=""; LOAD=""
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
log() { printf '[heap-sizing] %s\n' "$*" >&2; }

wait_ready() { # URL PID LOG
  for _ in $(seq 480); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { log "process died:"; tail -5 "$3" >&2; return 1; }
    sleep 0.25
  done
  log "$1 not ready after 120 s"; return 1
}

# sum of the samples of one series in a /metrics page: metric PORT NAME [LABEL-FILTER-REGEX]
metric() {
  curl -fsS "http://127.0.0.1:$1/metrics" 2>/dev/null | awk -v n="$2" -v f="${3:-}" \
    '$1 ~ "^"n"({|$)" && $1 ~ f { s += $NF } END { printf "%.6f", s }'
}

stop_all() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do for _ in $(seq 120); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done; kill -9 "$p" 2>/dev/null || true; done
  PIDS=()
  if [ -n "$NAME" ]; then
    rabbitmqctl -q delete_vhost "${NAME//_/-}" >/dev/null 2>&1 || true
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $NAME WITH (FORCE)" postgres >/dev/null 2>&1 || true
    NAME=""
  fi
}
trap '[ -n "$LOAD" ] && kill "$LOAD" 2>/dev/null; stop_all; rm -rf "$WORK"' EXIT

echo "| role | -Xmx | rate | completed / accepted | lost | throughput/s | p99 submit→result ms | heap live after full GC MiB | non-heap MiB | GC pauses in run (count, s) | survived | load avg |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for XMX in $HEAPS; do
  RUN=$WORK/run-$XMX; mkdir -p "$RUN"
  HTTP=$(free_port); METRICS=$HTTP
  if [ "$ROLE" = serve ]; then
    java -Xmx"$XMX" -jar "$JAR" serve --data-dir "$RUN/data" --port "$HTTP" --host 127.0.0.1 --amqp-port "$(free_port)" \
      > "$RUN/serve.log" 2>&1 &
    TARGET=$!; PIDS+=("$TARGET")
    wait_ready "http://127.0.0.1:$HTTP/ready" "$TARGET" "$RUN/serve.log" || { echo "| serve | $XMX | did not start |"; stop_all; continue; }
  else
    NAME=glossa_heap_$RANDOM$RANDOM
    rabbitmqctl -q add_vhost "${NAME//_/-}" >/dev/null
    rabbitmqctl -q set_permissions -p "${NAME//_/-}" guest ".*" ".*" ".*" >/dev/null
    psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $NAME" postgres
    export GLOSSA_AMQP_URI="amqp://guest:guest@127.0.0.1:5672/${NAME//_/-}" \
           GLOSSA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$NAME" GLOSSA_DB_USER=postgres
    API_XMX=512m; WORKER_XMX=512m
    case $ROLE in api) API_XMX=$XMX ;; worker) WORKER_XMX=$XMX ;; split) API_XMX=$XMX; WORKER_XMX=$XMX ;; esac
    java -Xmx"$API_XMX" -jar "$JAR" api --port "$HTTP" --host 127.0.0.1 > "$RUN/api.log" 2>&1 &
    API=$!; PIDS+=("$API")
    WPORT=$(free_port)
    java -Xmx"$WORKER_XMX" -jar "$JAR" worker --metrics-port "$WPORT" > "$RUN/worker.log" 2>&1 &
    WORKER=$!; PIDS+=("$WORKER")
    wait_ready "http://127.0.0.1:$HTTP/ready" "$API" "$RUN/api.log" || { echo "| api | $XMX | did not start |"; stop_all; continue; }
    wait_ready "http://127.0.0.1:$WPORT/ready" "$WORKER" "$RUN/worker.log" || { echo "| worker | $XMX | did not start |"; stop_all; continue; }
  fi
  # each measured process: role pid metrics-port -Xmx
  if [ "$ROLE" = serve ]; then TARGETS=("serve $TARGET $HTTP $XMX")
  else TARGETS=("api $API $HTTP $API_XMX" "worker $WORKER $WPORT $WORKER_XMX"); fi
  declare -A GC0 GS0 LIVE NONHEAP
  for t in "${TARGETS[@]}"; do read -r r pid port x <<< "$t"
    GC0[$r]=$(metric "$port" jvm_gc_pause_seconds_count); GS0[$r]=$(metric "$port" jvm_gc_pause_seconds_sum); done
  java -Xmx512m -jar "$JAR" load --url "http://127.0.0.1:$HTTP" --rate "$RATE" --duration "$DURATION" --data "$DATA" \
    --json > "$RUN/load.json" 2> "$RUN/load.err" &
  LOAD=$!
  sleep $((SECONDS_TOTAL * 3 / 4))
  for t in "${TARGETS[@]}"; do read -r r pid port x <<< "$t"
    LIVE[$r]=NaN; NONHEAP[$r]=NaN
    if kill -0 "$pid" 2>/dev/null; then
      jcmd "$pid" GC.run >/dev/null 2>&1 || true
      LIVE[$r]=$(metric "$port" jvm_memory_used_bytes 'area="heap"'); NONHEAP[$r]=$(metric "$port" jvm_memory_used_bytes 'area="nonheap"')
    fi
  done
  wait "$LOAD" || true
  LOAD=""
  for t in "${TARGETS[@]}"; do read -r r pid port x <<< "$t"
    [ "$ROLE" = split ] || [ "$ROLE" = "$r" ] || continue
    alive=yes; kill -0 "$pid" 2>/dev/null || alive="no (exit)"
    grep -qi "OutOfMemoryError\|out of memory\|java heap space" "$RUN/$r.log" && alive="$alive, heap error in log"
    gc1=$(metric "$port" jvm_gc_pause_seconds_count || echo 0); gs1=$(metric "$port" jvm_gc_pause_seconds_sum || echo 0)
    python3 - "$RUN/load.json" "$r" "$x" "$RATE" "${LIVE[$r]}" "${NONHEAP[$r]}" "${GC0[$r]}" "$gc1" "${GS0[$r]}" "$gs1" \
      "$alive" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import json, sys
path, role, xmx, rate, live, nonheap, c0, c1, s0, s1, alive, load = sys.argv[1:]
lines = [l for l in open(path) if l.startswith("{")]
if not lines:
    print(f"| {role} | {xmx} | {rate}/s | load tool gave no report | | | | | | | {alive} | {load} |"); sys.exit()
r = json.loads(lines[-1])
mib = lambda v: "n/a" if v in ("NaN", "") else f"{float(v) / 2**20:.0f}"
gc = f"{float(c1) - float(c0):.0f}, {float(s1) - float(s0):.2f}" if alive.startswith("yes") else "n/a"
print(f"| {role} | {xmx} | {rate}/s | {r['completed']} / {r['accepted']} | {r['lost']} | {r['throughput']:.0f} | "
      f"{r['endToEnd']['p99']:.0f} | {mib(live)} | {mib(nonheap)} | {gc} | {alive} | {load} |")
PY
  done
  stop_all
done
