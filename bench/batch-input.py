"""Writes LINES lines of real sentences (the shared data's Leipzig and UD sentences, cycled), one text per line:
the input of the batch benchmarks.   python3 bench/batch-input.py DATA_DIR LINES OUT"""
import pathlib
import sys

data, lines, out = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
pool = [l.split("\t", 1)[1] for f in ("leipzig_sentences.tsv", "ud_sentences.tsv")
        for l in (data / f).read_text(encoding="utf-8").splitlines() if "\t" in l and l.split("\t", 1)[1].strip()]
with open(out, "w", encoding="utf-8") as o:
    for i in range(lines):
        o.write(pool[i % len(pool)] + "\n")
