#!/bin/bash
# Builds the extra training text of the default model, and the hard-pair dev set, into OUT (default
# target/model-data), from ../shared/data and Debian packages (apt-get download; nothing is installed):
#   l10n_train.tsv   UI strings of the firefox-esr-l10n-* / thunderbird-l10n-* packs (MPL-2.0) for
#                    cs da hr id ms nb-no sk sl sr, 90% by a hash of the text (scripts/l10n-text.py)
#   l10n_dev.tsv     the other 10%: the hard-pair dev set (never trained on), Serbian in Latin script
#   leipzig_sentences_ms_clean.tsv   leipzig_sentences.tsv without the `ms` lines that carry Indonesian-only
#                    words and no Malaysian ones (the Leipzig ms file is largely Indonesian: ../shared/data/README.md)
# docs/model.md lists the package versions and checksums the default model was trained on.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${DATA:-$ROOT/../shared/data}
OUT=$(realpath -m "${1:-$ROOT/target/model-data}")
mkdir -p "$OUT/debs" "$OUT/x"
cd "$OUT/debs"
for l in ms id sr hr sl da nb-no cs sk; do
  ls firefox-esr-l10n-${l}_*.deb >/dev/null 2>&1 || apt-get download firefox-esr-l10n-$l
  ls thunderbird-l10n-${l}_*.deb >/dev/null 2>&1 || apt-get download thunderbird-l10n-$l
done
sha256sum *.deb > "$OUT/debs.sha256"
for d in *.deb; do
  n=${d%%_*}; rm -rf "$OUT/x/$n"; mkdir -p "$OUT/x/$n"; dpkg-deb -x "$d" "$OUT/x/$n"
  for x in $(find "$OUT/x/$n" -name '*.xpi'); do mkdir -p "${x%.xpi}.d"; (cd "${x%.xpi}.d" && unzip -q -o "$x"); done
done
python3 "$ROOT/scripts/l10n-text.py" "$OUT/x" "$OUT/l10n_train.tsv" "$OUT/l10n_dev.tsv"
python3 - "$DATA/leipzig_sentences.tsv" "$OUT/leipzig_sentences_ms_clean.tsv" <<'PY'
import re, sys
ID = set("karena bisa saja harus uang kantor mobil pemerintah indonesia jakarta rupiah tersebut yaitu setelah "
         "silakan berbeda nggak gak banget sih dong kok aja gimana sepeda bilang lagian".split())
MS = set("kerana boleh sahaja daripada iaitu selepas kerajaan wang pejabat berbeza sila awak tak ialah malaysia "
         "ringgit jabatan kereta mahu bagi".split())
dropped = 0
with open(sys.argv[1], encoding='utf-8') as f, open(sys.argv[2], 'w', encoding='utf-8') as out:
    for line in f:
        lang, text = line.rstrip('\n').split('\t', 1)
        if lang == 'ms':
            w = set(re.findall(r'\w+', text.lower()))
            if w & ID and not w & MS:
                dropped += 1
                continue
        out.write(line)
print(f"ms lines dropped as Indonesian: {dropped}", file=sys.stderr)
PY
wc -l "$OUT"/*.tsv
