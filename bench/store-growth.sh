#!/usr/bin/env bash
# How big the embedded data dir grows: a bare `glossa serve` (embedded broker and SQLite) in a fresh data dir takes
# TEXTS texts from `glossa load` (50 per request, so the run measures storage, not HTTP), answers them all, and then
# the script prints the sizes of the database files and the broker's store beside the bytes of what they hold:
# the texts' bodies (UTF-8) and the results' values (language, names, top-k JSON, model version, and 8 bytes each for
# the probability, the predict time and the completion time).
#
#   bench/store-growth.sh [TEXTS] [RATE]        TEXTS: default 1000000; RATE texts/s: default 4000
#
# Needs python3 (its sqlite3 module reads the database while serve runs). GLOSSA_BENCH_JAR: another build.
set -euo pipefail
TEXTS=${1:-1000000}; RATE=${2:-4000}
[[ "$TEXTS" =~ ^[1-9][0-9]*$ && "$RATE" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/store-growth.sh [TEXTS] [RATE]" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${GLOSSA_BENCH_DATA:-$ROOT/../shared/data/leipzig_sentences.tsv}
WORK=$(mktemp -d /tmp/glossa-growth.XXXXXX)
cp "${GLOSSA_BENCH_JAR:-$ROOT/target/glossa.jar}" "$WORK/glossa.jar"
PORT=${GLOSSA_BENCH_PORT:-18091}
java -jar "$WORK/glossa.jar" serve --data-dir "$WORK/data" --port "$PORT" --host 127.0.0.1 \
  --amqp-port "${GLOSSA_BENCH_AMQP_PORT:-15674}" --retain forever >"$WORK/serve.log" 2>&1 &
SERVE=$!
trap 'kill $SERVE 2>/dev/null; wait $SERVE 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 240); do grep -q "glossa serving on" "$WORK/serve.log" && break; sleep 0.5; done
grep -q "glossa serving on" "$WORK/serve.log" || { cat "$WORK/serve.log"; exit 1; }

SECONDS_NEEDED=$(( (TEXTS + RATE - 1) / RATE ))
start=$(date +%s)
# a request the load tool gave up on (it exits 1) may still have been accepted: the sizes below count what is stored
java -jar "$WORK/glossa.jar" load --url "http://127.0.0.1:$PORT" --rate "$RATE" --duration "${SECONDS_NEEDED}s" \
  --data "$DATA" --batch 50 --json >"$WORK/load.json" || echo "(the load tool exited $?: some requests were not answered)"
DB="$WORK/data/db/glossa.db"
# wait until no text is pending (the load tool stops when sending ends, workers may still be answering)
while :; do
  pending=$(python3 -c 'import sqlite3, sys
c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
print(c.execute("SELECT COUNT(*) FROM texts WHERE status = ?", ("pending",)).fetchone()[0])' "$DB")
  [ "$pending" = 0 ] && break
  sleep 5
done
echo "load: $(cat "$WORK/load.json")"
echo "all answered $(( $(date +%s) - start )) s after the first text"
python3 - "$WORK/data" <<'PY'
import os, sqlite3, sys
data = sys.argv[1]
db = os.path.join(data, "db", "glossa.db")
c = sqlite3.connect("file:" + db + "?mode=ro", uri=True)
texts, body = c.execute("SELECT COUNT(*), SUM(length(CAST(body AS BLOB))) FROM texts").fetchone()
results, values = c.execute("""SELECT COUNT(*), SUM(length(CAST(language AS BLOB)) + IFNULL(length(CAST(name AS BLOB)), 0)
    + IFNULL(length(CAST(native_name AS BLOB)), 0) + length(CAST(top_k AS BLOB))
    + length(CAST(model_version AS BLOB)) + 24) FROM results""").fetchone()
def size(path):
    total = 0
    for root, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return total
files = {f: os.path.getsize(os.path.join(data, "db", f)) for f in sorted(os.listdir(os.path.join(data, "db")))}
content = body + values
database = sum(files.values())
print(f"texts {texts:,}, results {results:,}")
print(f"content: bodies {body:,} B + result values {values:,} B = {content:,} B ({content / texts:.0f} B per text)")
print("database files: " + ", ".join(f"{f} {n:,} B" for f, n in files.items()))
print(f"database / content = {database / content:.2f}; per text {database / texts:.0f} B")
print(f"broker store {size(os.path.join(data, 'broker')):,} B; whole data dir {size(data):,} B = "
      f"{size(data) / content:.2f} x content")
PY
