#!/usr/bin/env bash
# InfluxQL functions side by side with InfluxDB 1.6.7 (issue [influxql]'s benchmark): the same data set
# (`shardline bench write`, POINTS points, default 2 M) is written to influxd, to a Shardline cluster with
# 1 data node and to one with 2 data nodes and databases WITH REPLICATION 2; then each side answers
#   nnd-mean-1m  SELECT non_negative_derivative(mean(usage_user), 1s) ... GROUP BY time(1m)
#   top-10       SELECT top(usage_user, 10) ...
#   p95-1h       SELECT percentile(usage_idle, 95) ... GROUP BY time(1h)
#   subquery-2   a two-level subquery: max of 10-minute maxima of 1-minute means per host, by hour
# (`shardline bench query`, their text in BenchQueryCommand) RUNS times after WARMUP unmeasured runs.
# Prints the p50 latency of every query on every side and the ratios Shardline / InfluxDB (target
# <= 0.5). See docs/benchmarks.md, "InfluxQL functions".
#
#   scripts/bench/functions.sh [--dir DIR]
#
# Environment: POINTS (default 2000000), RUNS (default 10), WARMUP (default 3), BASE_PORT (Shardline's
# port layout; the RF 2 cluster uses BASE_PORT+500; default 23400), INFLUXDB_PORT (default 23590; ports 23400-24099).
# Everything lives under DIR (default /tmp/bench-functions), deleted at the end; processes are stopped
# by pid only.
# Its default ports are its own, below Linux's ephemeral range; every bench script's range: docs/benchmarks.md.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR=/tmp/bench-functions
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    *) echo "functions.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
POINTS="${POINTS:-2000000}"
RUNS="${RUNS:-10}"
WARMUP="${WARMUP:-3}"
BASE="${BASE_PORT:-23400}"
IPORT="${INFLUXDB_PORT:-23590}"
QUERIES=nnd-mean-1m,top-10,p95-1h,subquery-2

cluster() { local dir="$1"; shift; "$REPO/scripts/cluster.sh" "$@" --dir "$dir"; }
influx() { INFLUXDB_PORT="$IPORT" "$REPO/scripts/bench/influxdb.sh" "$@" --dir "$DIR/influxdb"; }
cleanup() {
  cluster "$DIR/single" down > /dev/null 2>&1 || true
  cluster "$DIR/rf2" down > /dev/null 2>&1 || true
  influx stop > /dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT

# One side: label, URL, extra bench-write flags. Writes the data set, then runs the queries.
side() {
  local label="$1" url="$2"; shift 2
  "$REPO/scripts/shardline" bench write -url "$url" -points "$POINTS" "$@" > "$DIR/$label-write.txt"
  grep -q 'requests: .* 0 failed' "$DIR/$label-write.txt" || { cat "$DIR/$label-write.txt" >&2; exit 1; }
  "$REPO/scripts/shardline" bench query -url "$url" -queries "$QUERIES" -n "$RUNS" -warmup "$WARMUP" \
    > "$DIR/$label-query.txt" || { cat "$DIR/$label-query.txt" >&2; exit 1; }
}

p50() { awk -v q="$2" '$1 == q { print $2 }' "$DIR/$1-query.txt"; }

mkdir -p "$DIR"
influx start > /dev/null
side influxdb "http://127.0.0.1:$IPORT"
influx stop > /dev/null

SHARDLINE_BASE_PORT="$BASE" SHARDLINE_ANTI_ENTROPY_ENABLED=false \
  cluster "$DIR/single" up --meta 1 --data 1 > /dev/null
side single "http://127.0.0.1:$((BASE + 106))"
cluster "$DIR/single" down > /dev/null

RF2="$((BASE + 500))"
SHARDLINE_BASE_PORT="$RF2" SHARDLINE_ANTI_ENTROPY_ENABLED=false \
  cluster "$DIR/rf2" up --meta 1 --data 2 > /dev/null
curl -sf -XPOST "http://127.0.0.1:$((RF2 + 106))/query" --data-urlencode 'q=CREATE DATABASE bench WITH REPLICATION 2' \
  > /dev/null
side rf2 "http://127.0.0.1:$((RF2 + 106))" -no-create
cluster "$DIR/rf2" down > /dev/null

echo "$POINTS points; p50 ms over $RUNS runs after $WARMUP warm-up runs, one side at a time"
printf '%-12s %10s %10s %7s %10s %7s\n' query influxdb shardline ratio rf2 ratio
for q in ${QUERIES//,/ }; do
  i="$(p50 influxdb "$q")"; s="$(p50 single "$q")"; r="$(p50 rf2 "$q")"
  printf '%-12s %10s %10s %6.2fx %10s %6.2fx\n' "$q" "$i" "$s" "$(echo "$s $i" | awk '{ print $1 / $2 }')" \
    "$r" "$(echo "$r $i" | awk '{ print $1 / $2 }')"
done
