#!/usr/bin/env python3
"""Latency of short InfluxQL queries over one keep-alive HTTP/1.1 connection (Python's http.client).

    scripts/bench/query-latency.py URL DB RUNS WARMUP NAME=QUERY [NAME=QUERY ...]

Each query is sent WARMUP times untimed, then RUNS times timed, one after another on one connection;
prints p50/p90/p99/max/mean in milliseconds per query and the answer's first bytes. Any status >= 300
stops the script. For queries of a few milliseconds: the JDK HttpClient of `shardline bench query` adds
about 1 ms per request of its own on this machine (both servers), which compresses ratios; this client
adds about 0.1 ms. Used by scripts/bench/cardinality.sh (docs/benchmarks.md, "Series cardinality").
"""
import http.client
import sys
import time
import urllib.parse


def percentile(sorted_ms, p):
    return sorted_ms[min(len(sorted_ms) - 1, int(p * len(sorted_ms)))]


def main():
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    url = urllib.parse.urlsplit(sys.argv[1])
    db, runs, warmup = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    if url.scheme != "http" or runs < 1 or warmup < 0:
        sys.exit("query-latency.py: needs an http:// URL, RUNS >= 1 and WARMUP >= 0")
    conn = http.client.HTTPConnection(url.hostname, url.port or 80)
    print("%s db=%s runs=%d warmup=%d (python keep-alive)" % (sys.argv[1], db, runs, warmup))
    print("%-18s %8s %8s %8s %8s %8s  %s" % ("query", "p50 ms", "p90 ms", "p99 ms", "max ms", "mean ms", "answer"))
    for spec in sys.argv[5:]:
        name, _, query = spec.partition("=")
        path = "/query?db=" + urllib.parse.quote(db) + "&q=" + urllib.parse.quote(query)
        ms = []
        body = b""
        for i in range(warmup + runs):
            start = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            body = response.read()
            if response.status >= 300:
                sys.exit("%s answered %d: %s" % (name, response.status, body[:200]))
            if i >= warmup:
                ms.append((time.perf_counter() - start) * 1000)
        ms.sort()
        print("%-18s %8.2f %8.2f %8.2f %8.2f %8.2f  %s" % (
            name, percentile(ms, 0.5), percentile(ms, 0.9), percentile(ms, 0.99), ms[-1], sum(ms) / len(ms),
            body[:60].decode("utf-8", "replace")))


if __name__ == "__main__":
    main()
