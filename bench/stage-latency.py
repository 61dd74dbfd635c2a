#!/usr/bin/env python3
"""Per-stage latency of a text between two scrapes of glossa's /metrics (Prometheus text format).

    bench/stage-latency.py BEFORE AFTER

For every histogram glossa_*_seconds it subtracts the bucket counts of BEFORE from those of AFTER (so a warm-up before
the first scrape is left out), sums the series of each (histogram, lane) over their other labels, and prints the count
and p50/p95/p99 as the upper bound of the bucket holding that rank (Micrometer's buckets are ~20 % apart).
"""
import re
import sys
from collections import defaultdict

BUCKET = re.compile(r'^(glossa_\w+_seconds)_bucket\{(.*)\} (\S+)$')
LABEL = re.compile(r'(\w+)="([^"]*)"')


def buckets(path):
    series = defaultdict(lambda: defaultdict(float))
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            match = BUCKET.match(line.strip())
            if not match:
                continue
            name, labels, count = match.groups()
            labels = dict(LABEL.findall(labels))
            le = float("inf") if labels["le"] == "+Inf" else float(labels["le"])
            series[(name, labels.get("lane", ""))][le] += float(count)
    return series


def quantile(cumulative, q):
    total = cumulative[-1][1]
    for le, count in cumulative:
        if count >= q * total:
            return le
    return float("inf")


def fmt(seconds):
    return ">30 s" if seconds == float("inf") else f"≤{seconds * 1000:.1f} ms"


def main(before_path, after_path):
    before, after = buckets(before_path), buckets(after_path)
    print(f"{'stage':48} {'count':>8} {'p50':>11} {'p95':>11} {'p99':>11}")
    for key in sorted(after):
        cumulative = sorted((le, n - before.get(key, {}).get(le, 0.0)) for le, n in after[key].items())
        if not cumulative or cumulative[-1][1] <= 0:
            continue
        name, lane = key
        label = name + (f"{{lane={lane}}}" if lane else "")
        print(f"{label:48} {cumulative[-1][1]:>8.0f} " + " ".join(f"{fmt(quantile(cumulative, q)):>11}" for q in (0.5, 0.95, 0.99)))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: stage-latency.py BEFORE AFTER  (two scrapes of /metrics)")
    main(*sys.argv[1:])
