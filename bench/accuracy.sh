#!/usr/bin/env bash
# Accuracy of a model with `glossa evaluate --json` on the held-out dev split and the short-text files.
# Run from bench/ after `mvn -B -q package -DskipTests` in the repository root (needs target/glossa.jar and
# target/test-classes for the dev-split export). Usage: ./accuracy.sh [MODEL]   (default: the built-in model)
# Writes bench/target/accuracy/*.json and prints the markdown tables used in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${GLOSSA_SHARED_DATA:-../shared/data}
OUT=bench/target/accuracy
MODEL_ARGS=()
if [[ $# -gt 0 ]]; then MODEL_ARGS=(--model "$1"); fi
mkdir -p "$OUT"
# The dev split the trainer held out: same files in the same order, same seed and fraction as the model's provenance.
read -r SEED FRACTION < <(java -jar target/glossa.jar info "${MODEL_ARGS[@]}" --json \
  | python3 -c 'import json,sys; t=json.load(sys.stdin)["training"]; print(t["seed"], t["dev_fraction"])')
# Each file from ../shared/data, or else from target/model-data (scripts/model-data.sh builds the extra ones there).
FILES=$(java -jar target/glossa.jar info "${MODEL_ARGS[@]}" --json \
  | python3 -c 'import json,os,sys
for f in json.load(sys.stdin)["training_files"]:
    shared = os.path.join(sys.argv[1], f["name"])
    print(shared if os.path.exists(shared) else os.path.join("target/model-data", f["name"]))' "$DATA")
java -cp target/glossa.jar:target/test-classes io.glossa.tools.DevSplitExport "$OUT/dev" "$SEED" "$FRACTION" $FILES
for f in "$OUT"/dev/dev-*.tsv "$DATA/leipzig_word_pairs.tsv" "$DATA/leipzig_single_words.tsv" \
         "$DATA/leipzig_sentences.tsv" target/model-data/l10n_dev.tsv; do
  [[ -f $f ]] || { echo "skipping $f (not built: scripts/model-data.sh)" >&2; continue; }
  java -jar target/glossa.jar evaluate "${MODEL_ARGS[@]}" --data "$f" --json > "$OUT/$(basename "$f" .tsv).json"
done
python3 - "$OUT" <<'PY'
import json, os, sys
out = sys.argv[1]
runs = {f[:-5]: json.load(open(os.path.join(out, f))) for f in sorted(os.listdir(out)) if f.endswith('.json')}
print('| file | n | macro accuracy | micro accuracy | unknown | ECE | texts/s (threads) |')
print('|---|---|---|---|---|---|---|')
for name, r in runs.items():
    print(f"| {name} | {r['n']} | {r['macro_accuracy']:.4f} | {r['micro_accuracy']:.4f} | {r['unknown']} | {r['ece']:.4f} | {r['texts_per_second']:,.0f} ({r['threads']}) |")
cols = ['dev-all', 'leipzig_word_pairs', 'leipzig_single_words']
labels = sorted(set().union(*(runs[c]['per_label'] for c in cols if c in runs)))
print()
print('| language | ' + ' | '.join(cols) + ' |')
print('|---|' + '---|' * len(cols))
for l in labels:
    cells = [f"{runs[c]['per_label'][l]:.3f}" if l in runs.get(c, {}).get('per_label', {}) else '—' for c in cols]
    print(f'| {l} | ' + ' | '.join(cells) + ' |')
PY
