#!/usr/bin/env bash
# Series cardinality side by side with InfluxDB 1.6.7: a load where every point starts a new series,
# written to a one-data-node Shardline cluster and to influxd with the same client
# (`shardline bench write`), both with the series limits off. Prints per side: points/s, the server's
# CPU seconds for the load (a fair relative figure on a shared machine), its RSS afterwards, and the
# latency of `last() GROUP BY host`, the raw `ORDER BY time DESC LIMIT 100` of one host and
# SHOW TAG VALUES; then the ratios Shardline / InfluxDB. See docs/benchmarks.md, "Series cardinality".
#
#   scripts/bench/cardinality.sh [--dir DIR]
#
# Environment: SERIES (default 300000), POINTS_PER_SERIES (default 1), FIELDS (default 2),
# BATCH (default 5000), CONNECTIONS (default 4), QUERY_RUNS (default 5: timed runs of last-by-host, after 1
# warm-up, with `shardline bench query`), SHORT_RUNS (default 500: timed runs of raw-host-limit and
# tag-values, with scripts/bench/query-latency.py), QUERY_WARMUP (default 300: untimed runs of those two
# first, so both sides answer warm),
# WARMUP_SERIES (default 0; N > 0:
# each side first receives N new series in another database, not measured, so a fresh JVM's JIT warm-up
# is left out of the load's figures, while RSS then includes those series; 0 measures from a fresh start,
# as the issue's figures do), BASE_PORT (Shardline's port layout, default 22400), INFLUXDB_PORT
# (default 22590; ports 22400-22599). Everything lives under DIR (default /tmp/bench-cardinality),
# deleted at the end; processes are stopped by pid only.
# Its default ports are its own, below Linux's ephemeral range; every bench script's range: docs/benchmarks.md.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR=/tmp/bench-cardinality
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    *) echo "cardinality.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
SERIES="${SERIES:-300000}"
POINTS=$((SERIES * ${POINTS_PER_SERIES:-1}))
FIELDS="${FIELDS:-2}"
BATCH="${BATCH:-5000}"
CONNECTIONS="${CONNECTIONS:-4}"
QUERY_RUNS="${QUERY_RUNS:-5}"
SHORT_RUNS="${SHORT_RUNS:-500}"
QUERY_WARMUP="${QUERY_WARMUP:-300}"
BASE="${BASE_PORT:-22400}"
IPORT="${INFLUXDB_PORT:-22590}"
SURL="http://127.0.0.1:$((BASE + 106))"
IURL="http://127.0.0.1:$IPORT"

cluster() { "$REPO/scripts/cluster.sh" "$@" --dir "$DIR/cluster"; }
influx() { INFLUXDB_PORT="$IPORT" "$REPO/scripts/bench/influxdb.sh" "$@" --dir "$DIR/influxdb"; }
cleanup() { cluster down > /dev/null 2>&1 || true; influx stop > /dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT

cpu_seconds() { awk '{ printf "%.2f", ($14 + $15) / 100 }' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# One side: URL, server pid, label. Prints "label points/s cpu-s rss-MB" and the query latencies.
side() {
  local url="$1" pid="$2" label="$3" before after rate
  if [ "${WARMUP_SERIES:-0}" -gt 0 ]; then
    "$REPO/scripts/shardline" bench write -url "$url" -db warmup -series "$WARMUP_SERIES" -points "$WARMUP_SERIES" \
      -fields "$FIELDS" -batch-size "$BATCH" -connections "$CONNECTIONS" -seed 2 > /dev/null
  fi
  before="$(cpu_seconds "$pid")"
  # a failed request makes `bench write` exit 1: its output (counts, first error) is shown before the script ends
  "$REPO/scripts/shardline" bench write -url "$url" -db card -series "$SERIES" -points "$POINTS" \
    -fields "$FIELDS" -batch-size "$BATCH" -connections "$CONNECTIONS" > "$DIR/$label-write.txt" \
    || { echo "cardinality.sh: $label: the load failed:" >&2; cat "$DIR/$label-write.txt" >&2; exit 1; }
  after="$(cpu_seconds "$pid")"
  rate="$(awk '/points\/s/ { for (i = 1; i <= NF; i++) if ($i ~ /points\/s/) print $(i-1) }' "$DIR/$label-write.txt" \
    | tail -1 | tr -d ',')"
  echo "$label $rate $(awk -v a="$before" -v b="$after" 'BEGIN { printf "%.2f", b - a }') $(rss_mb "$pid")" \
    >> "$DIR/results.txt"
  "$REPO/scripts/shardline" bench query -url "$url" -db card -queries last-by-host \
    -n "$QUERY_RUNS" -warmup 1 -range 1000d > "$DIR/$label-query.txt"
  # the short queries after QUERY_WARMUP runs each (a fresh JVM's query path is not compiled yet), timed
  # by a Python keep-alive client: the JDK client of `bench query` adds about 1 ms per request of its own
  "$REPO/scripts/bench/query-latency.py" "$url" card "$SHORT_RUNS" "$QUERY_WARMUP" \
    "raw-host-limit=SELECT * FROM cpu WHERE host = 'server-00042' ORDER BY time DESC LIMIT 100" \
    "tag-values=SHOW TAG VALUES FROM cpu WITH KEY = region" >> "$DIR/$label-query.txt"
}

mkdir -p "$DIR"
: > "$DIR/results.txt"
SHARDLINE_BASE_PORT="$BASE" SHARDLINE_ANTI_ENTROPY_ENABLED=false SHARDLINE_DATA_MAX_SERIES_PER_DATABASE=0 \
  SHARDLINE_DATA_MAX_VALUES_PER_TAG=0 "$REPO/scripts/cluster.sh" up --meta 1 --data 1 --dir "$DIR/cluster" > /dev/null
SPID="$(cluster status | awk '$1 == "data1" { print $2 }')"
INFLUXDB_DATA_MAX_SERIES_PER_DATABASE=0 INFLUXDB_DATA_MAX_VALUES_PER_TAG=0 influx start > /dev/null
IPID="$(cat "$DIR/influxdb/influxd.pid")"

echo "load: $SERIES series x ${POINTS_PER_SERIES:-1} points, $FIELDS fields, $BATCH-line batches, $CONNECTIONS connections, warm-up ${WARMUP_SERIES:-0} series"
side "$SURL" "$SPID" shardline
side "$IURL" "$IPID" influxdb
printf '%-10s %12s %8s %8s\n' side points/s cpu-s rss-MB
while read -r label rate cpu rss; do printf '%-10s %12s %8s %8s\n' "$label" "$rate" "$cpu" "$rss"; done < "$DIR/results.txt"
awk 'NR == 1 { r = $2; c = $3; m = $4 } NR == 2 { printf "shardline/influxdb: points/s %.2fx, cpu-s %.2fx, rss %.2fx\n", r / $2, c / $3, m / $4 }' \
  "$DIR/results.txt"
for label in shardline influxdb; do
  echo "queries ($label):"
  sed 's/^/  /' "$DIR/$label-query.txt"
done
