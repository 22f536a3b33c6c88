#!/usr/bin/env python3
"""Summarises a JFR recording's CPU samples (Java and native) as inclusive shares per method.

    scripts/bench/jfr-summary.py RECORDING.jfr [--threads REGEX] [--top N] [--match SUBSTRING]

Reads `jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample` (the `jfr` tool of the JDK),
keeps the samples of threads whose name matches REGEX (default: the HTTP workers, where writes run),
and prints, for the methods whose name contains SUBSTRING (default io.shardline), the share of
samples in which they appear (inclusive) and are on top (self). Relative figures only: on a loaded
machine the absolute sample counts say little.
"""
import argparse
import collections
import re
import subprocess
import sys


def samples(recording):
    # jfr prints 5 frames per stack unless told otherwise: inclusive shares need the whole stack
    out = subprocess.run(["jfr", "print", "--stack-depth", "256", "--events",
                          "jdk.ExecutionSample,jdk.NativeMethodSample", recording],
                         check=True, capture_output=True, text=True).stdout
    for event in re.split(r"^jdk\.(?:ExecutionSample|NativeMethodSample)", out, flags=re.M)[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        frames = re.findall(r"^\s+([\w$.<>/]+)\(.*?line:", event, re.M)
        if frames:
            yield (thread.group(1) if thread else "?"), frames


def main():
    p = argparse.ArgumentParser()
    p.add_argument("recording")
    p.add_argument("--threads", default=r"^http-worker")
    p.add_argument("--top", type=int, default=40)
    p.add_argument("--match", default="io.shardline")
    a = p.parse_args()
    inclusive, self_ = collections.Counter(), collections.Counter()
    n = 0
    for thread, frames in samples(a.recording):
        if not re.search(a.threads, thread):
            continue
        n += 1
        self_[frames[0]] += 1
        for f in set(frames):
            inclusive[f] += 1
    if n == 0:
        sys.exit("no samples of threads matching " + a.threads)
    print(f"{n} samples of threads matching {a.threads}")
    print(f"{'incl%':>6} {'self%':>6}  method")
    for f, c in inclusive.most_common():
        if a.match in f:
            print(f"{100 * c / n:6.1f} {100 * self_[f] / n:6.1f}  {f}")
            a.top -= 1
            if a.top == 0:
                break
    print("top self (any method):")
    for f, c in self_.most_common(12):
        print(f"{100 * c / n:6.1f}  {f}")


if __name__ == "__main__":
    main()
