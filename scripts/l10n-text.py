#!/usr/bin/env python3
"""UI strings of Firefox ESR / Thunderbird language packs (Debian packages firefox-esr-l10n-*, thunderbird-l10n-*,
MPL-2.0) as `<lang>\t<text>` lines, split into training and dev by a hash of the text.

Usage: l10n-text.py EXTRACTED_DIR TRAIN_OUT DEV_OUT
EXTRACTED_DIR holds <package>/.../*.xpi unpacked into <xpi>.d/ (scripts/model-data.sh does that).
Cleaning: Fluent placeables { ... }, printf/%S markers, &entities; and tags are removed; access keys
(`&File`) lose their `&`; strings with fewer than 2 letters, with a letter outside the language's script,
or that occur in two languages (shared brand names, untranslated English) are dropped; duplicates removed.
At most MAX_TRAIN training strings per language (the first by hash).
Serbian (Cyrillic in these packs) goes to dev transliterated to Latin script (how people mostly write it);
training gets the Cyrillic and the trainer adds the Latin.
"""
import hashlib, os, re, sys, unicodedata

LANG = {'ms': 'ms', 'id': 'id', 'sr': 'sr', 'hr': 'hr', 'sl': 'sl', 'da': 'da', 'nb-no': 'no', 'cs': 'cs', 'sk': 'sk'}
CYR = dict(zip('абвгдђежзијклљмнњопрстћуфхцчџш',
               ['a','b','v','g','d','đ','e','ž','z','i','j','k','l','lj','m','n','nj','o','p','r','s','t','ć','u','f','h','c','č','dž','š']))

def to_latin(s):
    out = []
    for ch in s:
        low = ch.lower()
        if low in CYR:
            t = CYR[low]
            out.append(t.capitalize() if ch != low else t)
        else:
            out.append(ch)
    return ''.join(out)

def clean(v):
    v = re.sub(r'\{[^{}]*\}', ' ', v)
    v = re.sub(r'\{[^{}]*\}', ' ', v)
    v = re.sub(r'<[^>]+>', ' ', v)
    v = re.sub(r'%(\d+\$)?[SsDdU@]|%\d+|\$\w+|#\d', ' ', v)
    v = re.sub(r'&[a-zA-Z.]+;|&#\d+;', ' ', v)
    v = v.replace('&', '').replace('\\n', ' ').replace('\\', '')
    v = unicodedata.normalize('NFC', re.sub(r'\s+', ' ', v)).strip(' "\'')
    return v

def strings(root):
    for dp, _, fs in os.walk(root):
        for f in sorted(fs):
            p = os.path.join(dp, f)
            if f.endswith('.ftl'):
                for line in open(p, encoding='utf-8', errors='replace'):
                    m = re.match(r'^\s*(?:[A-Za-z][\w-]*|\.[\w-]+)\s*=\s*(.+)$', line.rstrip('\n'))
                    if m:
                        yield m.group(1)
            elif f.endswith('.properties'):
                for line in open(p, encoding='utf-8', errors='replace'):
                    if line.startswith('#') or '=' not in line:
                        continue
                    yield line.split('=', 1)[1].strip()

def script_ok(lang, s):
    for ch in s:
        if ch.isalpha():
            cyr = '\u0400' <= ch <= '\u04ff'
            if lang == 'sr' and not cyr:
                return False
            if lang != 'sr' and (cyr or ord(ch) > 0x24f):
                return False
    return True

MAX_TRAIN = 1000  # per language: a supplement; with 2,500 the ms label was mostly UI and formal Malay went to id

def main(root, train_out, dev_out):
    per = {}
    for pkg in sorted(os.listdir(root)):
        code = re.sub(r'^(firefox-esr|thunderbird)-l10n-', '', pkg)
        lang = LANG.get(code)
        if not lang:
            continue
        for v in strings(os.path.join(root, pkg)):
            s = clean(v)
            if sum(c.isalpha() for c in s) >= 2 and script_ok(lang, s):
                per.setdefault(lang, set()).add(s)
    seen = {}
    for lang, ss in per.items():
        for s in ss:
            k = to_latin(s).lower()
            seen.setdefault(k, set()).add(lang)
    with open(train_out, 'w', encoding='utf-8') as tr, open(dev_out, 'w', encoding='utf-8') as dv:
        for lang in sorted(per):
            train = []
            for s in sorted(per[lang]):
                if len(seen[to_latin(s).lower()]) > 1:
                    continue
                h = int(hashlib.sha256(s.encode()).hexdigest(), 16)
                if h % 10 == 0:
                    dv.write(f"{lang}\t{to_latin(s) if lang == 'sr' else s}\n")
                else:
                    train.append((h // 10, s))
            for _, s in sorted(train)[:MAX_TRAIN]:
                tr.write(f"{lang}\t{s}\n")

if __name__ == '__main__':
    main(*sys.argv[1:])
