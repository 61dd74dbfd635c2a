#!/usr/bin/env bash
# End-to-end throughput and latency of `glossa serve`, driven by `glossa load` on the same machine.
#
#   bench/pipeline-load.sh embedded|rabbit RATE DURATION [DATA]
#
# embedded: serve with no options (embedded Qpid + SQLite) in a fresh data dir.
# rabbit:   serve on RabbitMQ 127.0.0.1:5672 (a fresh vhost) and PostgreSQL 127.0.0.1:5432 (a fresh database),
#           both removed afterwards.
# Prints the load report (JSON); the CPU per text of serve (in all and by thread group: compiler, Jetty, workers,
# relay, ...), the load tool, RabbitMQ and PostgreSQL, with how the machine's two cores spent the time (user, system,
# softirq, steal, idle), over the whole run and over the timed window alone (bench/cpu-snapshot.py); the load average,
# since this machine is shared and its load changes the numbers a lot; the database's work per text; then the latency
# of each stage inside serve for the texts after the warm-up (bench/stage-latency.py).
# GLOSSA_BENCH_WARMUP=60s sends at RATE for that long first and leaves those texts out of the latencies (not out of
# the loss check): a fresh serve keeps compiling for 2–3 minutes here (BENCHMARKS.md, "Machine and how to read the tables"), so use 240s
# for steady-state figures.
# GLOSSA_BENCH_BATCH=N has the load tool post N texts per request (/api/v1/texts:batch); default 1 (/api/v1/texts).
# serve reads its GLOSSA_* environment too, e.g. GLOSSA_JOBS_PER_MESSAGE=1 to turn off several jobs per message.
set -euo pipefail
MODE=${1:?embedded or rabbit}; RATE=${2:?rate}; DURATION=${3:?duration, e.g. 30s}
DATA=${4:-$(dirname "$0")/../../shared/data/leipzig_sentences.tsv}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# The timed window, in seconds from the load tool's launch: it opens at the warm-up + 2 s (the tool's JVM starts
# before it sends, so a little late rather than inside the warm-up; without a warm-up at once) and closes at warm-up +
# duration, still before the last text. Durations as `glossa load` reads them; checked before anything starts.
read -r window_open window_close < <(python3 - "${GLOSSA_BENCH_WARMUP:-0s}" "$DURATION" <<'PY'
import re, sys
def seconds(name, text):
    m = re.fullmatch(r"(\d{1,9})(ms|s|m|h)?", text.strip())
    if not m:
        sys.exit(f"{name}: '{text}' is not a duration; use e.g. 500ms, 30s, 2m")
    return int(m[1]) * {"ms": 0.001, "s": 1, "m": 60, "h": 3600, None: 1}[m[2]]
warm_up, duration = seconds("GLOSSA_BENCH_WARMUP", sys.argv[1]), seconds("DURATION", sys.argv[2])
print(warm_up + 2 if warm_up > 0 else 0, warm_up + duration)
PY
) && [ -n "${window_close:-}" ] || exit 2
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
# WAL written by the whole PostgreSQL cluster from here on (an upper bound of this run's: other users share it)
wal() { psql -qAt -h 127.0.0.1 -U postgres -c "SELECT wal_bytes FROM pg_stat_wal" postgres 2>/dev/null || echo 0; }
# log flushes (fsyncs of the WAL, by backends and the WAL writer): what a commit that waits for the disk costs
wal_syncs() { psql -qAt -h 127.0.0.1 -U postgres -c "SELECT wal_sync FROM pg_stat_wal" postgres 2>/dev/null || echo 0; }
[ "$MODE" = rabbit ] && WAL_START=$(wal) && SYNCS_START=$(wal_syncs)

# CPU snapshots (bench/cpu-snapshot.py): at the start and end of the run, and around the timed window
snap() { python3 "$ROOT/bench/cpu-snapshot.py" take "$SERVE" "java -jar $JAR load" "$WORK/cpu.$1.json"; }
# /metrics at about the end of the warm-up and after the run: bench/stage-latency.py prints each stage's latency
# for the texts in between (the timed part)
scrape() { curl -s "http://127.0.0.1:$PORT/metrics" >"$WORK/$1" || true; }
launch=$(date +%s.%N)
at() { python3 -c 'import sys, time; time.sleep(max(0.0, float(sys.argv[1]) + float(sys.argv[2]) - time.time()))' "$launch" "$1"; }
(at "$window_open"; scrape metrics.before; snap window.start; at "$window_close"; snap window.end) &
SCRAPER=$!
snap run.start
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
snap run.end
# a load tool that failed early ends before the window closes: stop waiting for it (its sleep first: a shell runs
# its traps only after the command in progress), and without a report there is nothing more to print
if [ "$status" -ne 0 ]; then pkill -P "$SCRAPER" 2>/dev/null || true; kill "$SCRAPER" 2>/dev/null || true; fi
wait "$SCRAPER" 2>/dev/null || true
[ -s "$WORK/report.json" ] || exit "$status"
scrape metrics.after
python3 -c 'import json, sys; print(json.dumps({"mode": sys.argv[2], **json.load(open(sys.argv[1]))}))' "$WORK/report.json" "$MODE"
echo "CPU over the whole run (warm-up included):"
python3 "$ROOT/bench/cpu-snapshot.py" per-text "$WORK/cpu.run.start.json" "$WORK/cpu.run.end.json" \
  "$(python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); print(r["completed"] + r["failed"])' "$WORK/report.json")" \
  "$MODE" "$(cat "$WORK/report.cpu")"
if [ -s "$WORK/cpu.window.end.json" ]; then
  echo "CPU in the timed window (texts = rate × its length):"
  python3 "$ROOT/bench/cpu-snapshot.py" per-text "$WORK/cpu.window.start.json" "$WORK/cpu.window.end.json" "$RATE/s" "$MODE"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$MODE" = rabbit ]; then
  # the database's work per text over the whole run (warm-up and migrations included): transactions and rows
  sleep 1 # PostgreSQL publishes a backend's counters within a second of its last transaction
  psql -qAt -F ' ' -h 127.0.0.1 -U postgres -c "SELECT xact_commit, tup_inserted, tup_updated, tup_deleted
    FROM pg_stat_database WHERE datname = '$NAME'" postgres | python3 -c 'import json, sys
c, i, u, d = map(int, sys.stdin.read().split()); n = max(1, json.load(open(sys.argv[1]))["sent"])
print(f"PostgreSQL per text (whole run): {c / n:.2f} commits, rows {i / n:.2f} inserted, {u / n:.2f} updated, {d / n:.2f} deleted")' \
    "$WORK/report.json" || true
  # heap-only (HOT) updates touch no index; the rest add an entry to each of the table's indexes
  psql -qAt -F ' ' -h 127.0.0.1 -U postgres -c "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables
    WHERE relname = 'texts'" "$NAME" | python3 -c 'import json, sys
u, h = map(int, sys.stdin.read().split()); n = max(1, json.load(open(sys.argv[1]))["sent"]); w = float(sys.argv[2])
f = float(sys.argv[3])
print(f"PostgreSQL: {w / n:,.0f} bytes of WAL and {f / n:.2f} log flushes per text (the cluster), "
      f"{h / max(1, u) * 100:.0f} % of updates of texts heap-only")' \
    "$WORK/report.json" "$(( $(wal) - WAL_START ))" "$(( $(wal_syncs) - SYNCS_START ))" || true
fi
[ -s "$WORK/metrics.before" ] && [ -s "$WORK/metrics.after" ] \
  && python3 "$ROOT/bench/stage-latency.py" "$WORK/metrics.before" "$WORK/metrics.after"
exit $status
