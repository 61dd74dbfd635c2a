#!/usr/bin/env python3
"""Word-list training text for the close pairs, from Debian's hunspell dictionaries.

usage: dict-words.py DIR OUT.tsv [WORDS_PER_LANGUAGE] [WORDS_PER_LINE]
DIR holds the unpacked packages, e.g.
  for l in cs sk da no hr sr sl; do apt-get download hunspell-$l; done
  for d in hunspell-*.deb; do dpkg-deb -x "$d" DIR; done
the .dic files are found below it. Not part of the default model: docs/model.md has what it measured.

Takes the stems of each dictionary (the word before '/', affix flags dropped: no expansion), lower-case
words of 2+ letters of the language's alphabet only (capitalised entries are names), and drops every stem
that the dictionary of a close neighbour also has (hr/sr/sl, cs/sk, da/no): a shared word says nothing
about which of the two a text is in. Of the rest it keeps the first N by SHA-256 of the word (a reproducible
sample, not the rarest or the commonest) and writes them WORDS_PER_LINE to a line, so that `train` cuts its
1-3-word fragments from them like from any text.
"""
import hashlib
import os
import re
import sys

DICTS = {  # label: (file name, encoding), found below DIR
    'cs': ('cs_CZ.dic', 'utf-8'), 'sk': ('sk_SK.dic', 'utf-8'),
    'da': ('da_DK.dic', 'utf-8'), 'no': ('nb_NO.dic', 'iso-8859-1'),
    'hr': ('hr_HR.dic', 'utf-8'), 'sr': ('sr_Latn_RS.dic', 'utf-8'), 'sl': ('sl_SI.dic', 'iso-8859-2'),
}
GROUPS = [('hr', 'sr', 'sl'), ('cs', 'sk'), ('da', 'no')]
ALPHABET = {
    'cs': 'a-záčďéěíňóřšťúůýž', 'sk': 'a-záäčďéíĺľňóôŕšťúýž', 'da': 'a-zæøåé', 'no': 'a-zæøåéèêóòôü',
    'hr': 'a-zčćđšž', 'sr': 'a-zčćđšž', 'sl': 'a-zčšž',
}


def stems(path, encoding, alphabet):
    word = re.compile('[' + alphabet + ']{2,}')
    out = set()
    with open(path, encoding=encoding, errors='replace') as f:
        next(f)  # the entry count
        for line in f:
            w = line.split('/', 1)[0].split('\t', 1)[0].split(' ', 1)[0].strip()
            if word.fullmatch(w):
                out.add(w)
    return out


def find(root, name):
    for dirpath, _, files in os.walk(root):
        if name in files:
            return os.path.join(dirpath, name)
    sys.exit(f'{name} not found below {root}')


def main():
    src, out_path = sys.argv[1], sys.argv[2]
    per_lang = int(sys.argv[3]) if len(sys.argv) > 3 else 6000
    per_line = int(sys.argv[4]) if len(sys.argv) > 4 else 6
    words = {l: stems(find(src, f), enc, ALPHABET[l]) for l, (f, enc) in DICTS.items()}
    with open(out_path, 'w', encoding='utf-8') as out:
        for group in GROUPS:
            for lang in group:
                others = set().union(*(words[o] for o in group if o != lang))
                own = sorted(words[lang] - others, key=lambda w: hashlib.sha256(w.encode()).hexdigest())
                chosen = own[:per_lang]
                for i in range(0, len(chosen), per_line):
                    out.write(f"{lang}\t{' '.join(chosen[i:i + per_line])}\n")
                print(f'{lang}: {len(words[lang])} stems, {len(own)} not in {"/".join(o for o in group if o != lang)}, '
                      f'{len(chosen)} written', file=sys.stderr)


if __name__ == '__main__':
    main()
