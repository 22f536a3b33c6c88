#!/usr/bin/env python3
"""Cold and warm latency of a few requests over one keep-alive connection.

    scripts/bench/warm-latency.py HOST:PORT DB [N]

Sends each request N times (default 2000) in a row and prints, per request, the p50 of the first 50
(a fresh JVM's figure) and p10/p50/p90 of the second half (warm). Requests: /ping, SHOW DATABASES and
`SELECT * FROM m ORDER BY time DESC LIMIT 1` on DB (write one point `m v=1` there first). Plain HTTP,
no credentials. Used for docs/benchmarks.md, "Series cardinality".
"""
import http.client
import sys
import time
import urllib.parse


def main():
    host, port = sys.argv[1].rsplit(":", 1)
    db = sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    conn = http.client.HTTPConnection(host, int(port))
    requests = [
        ("ping", "/ping"),
        ("show-databases", "/query?q=" + urllib.parse.quote("SHOW DATABASES")),
        ("raw-desc-limit", "/query?db=" + urllib.parse.quote(db) + "&q="
         + urllib.parse.quote("SELECT * FROM m ORDER BY time DESC LIMIT 1")),
    ]
    print("%-16s %10s %10s %10s %10s" % ("request", "cold p50", "warm p10", "warm p50", "warm p90"))
    for name, path in requests:
        ms = []
        for _ in range(n):
            start = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status >= 300:
                sys.exit("%s answered %d" % (path, response.status))
            ms.append((time.perf_counter() - start) * 1000)
        cold = sorted(ms[:50])
        warm = sorted(ms[n // 2:])
        k = len(warm)
        print("%-16s %10.2f %10.2f %10.2f %10.2f" % (name, cold[len(cold) // 2], warm[k // 10], warm[k // 2],
                                                     warm[9 * k // 10]))


if __name__ == "__main__":
    main()
