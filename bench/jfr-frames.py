#!/usr/bin/env python3
"""Where a thread group's CPU samples fall, from a JFR recording of serve.

    jfr print --events jdk.ExecutionSample --stack-depth 80 serve.jfr | bench/jfr-frames.py THREADS [FRAME ...]

THREADS is a regular expression on the sampled thread's name (e.g. 'glossa-worker', 'JettyServerThreadPool').
With FRAME substrings, prints the share of those threads' samples whose stack holds each (e.g. 'java.time.Instant.parse'):
what a call costs with everything it calls. Without, prints the 20 innermost glossa methods with the share of samples
spent in each or in the libraries it called. Record with pipeline-load.sh and
GLOSSA_BENCH_JAVA_OPTS="-XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename=serve.jfr,settings=profile".
"""
import collections
import re
import sys


def samples(lines):
    thread, frames = None, []
    for line in lines:
        if line.startswith('jdk.ExecutionSample'):
            if thread is not None:
                yield thread, frames
            thread, frames = None, []
            continue
        m = re.search(r'sampledThread = "([^"]+)"', line)
        if m:
            thread = m.group(1)
            continue
        m = re.match(r'\s+([\w$.<>]+)\(', line)
        if m and thread is not None:
            frames.append(m.group(1))
    if thread is not None:
        yield thread, frames


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    pattern = re.compile(sys.argv[1])
    wanted = sys.argv[2:]
    chosen = [frames for thread, frames in samples(sys.stdin) if pattern.search(thread)]
    if not chosen:
        sys.exit(f"no samples of threads matching '{sys.argv[1]}'")
    print(f"{len(chosen)} samples of threads matching '{sys.argv[1]}'")
    if wanted:
        for frame in wanted:
            hits = sum(1 for frames in chosen if any(frame in f for f in frames))
            print(f"{100 * hits / len(chosen):5.1f} %  {frame}")
        return
    innermost = collections.Counter(
        next((f for f in frames if f.startswith('io.glossa.')), '(no glossa frame)') for frames in chosen)
    for frame, hits in innermost.most_common(20):
        print(f"{100 * hits / len(chosen):5.1f} %  {frame}")


if __name__ == '__main__':
    main()
