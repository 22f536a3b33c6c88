#!/usr/bin/env bash
# Export and import throughput for 10 million points (line-protocol lines, one field value each, as
# influx_inspect export writes them): `shardline bench write` fills one data node (RF 1, loopback),
# `shardline inspect export` writes the database from the running node's data directory,
# DROP DATABASE, then `shardline import` replays the file into the same cluster. As the yardstick the
# same file goes into InfluxDB 1.6.7 with the real `influx -import`, and `influx_inspect export`
# exports it again from InfluxDB's files (when influxd / influx / influx_inspect are installed).
#
#   scripts/bench/export-import.sh [--dir DIR]
#
# Environment: BASE_PORT (default 23200; the cluster uses BASE..BASE+120), INFLUXDB_PORT (default
# 23390; ports 23200-23399), POINTS (default 2000000 written points of FIELDS = 5 fields = 10,000,000 exported lines),
# KEEP=1 keeps DIR. Everything lives under DIR (default /tmp/bench-export-import), deleted at the
# end; processes are stopped by pid (cluster.sh and influxdb.sh).
# Its default ports are its own, below Linux's ephemeral range; every bench script's range: docs/benchmarks.md.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR=/tmp/bench-export-import
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    *) echo "export-import.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
BASE="${BASE_PORT:-23200}"
POINTS="${POINTS:-2000000}"
FIELDS="${FIELDS:-5}"
export INFLUXDB_PORT="${INFLUXDB_PORT:-23390}"
URL="http://127.0.0.1:$((BASE + 106))"
FILE="$DIR/bench.lp"
export SHARDLINE_BASE_PORT="$BASE" SHARDLINE_ANTI_ENTROPY_ENABLED=false
cluster() { "$REPO/scripts/cluster.sh" "$@" --dir "$DIR/cluster"; }
influxdb() { "$REPO/scripts/bench/influxdb.sh" "$@" --dir "$DIR/influxdb"; }
now() { date +%s.%N; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f s  %.0f points/s", s, n / s }'; }
count() { # count(v0) of the bench database at $1, "" when none
  curl -sf "$1/query" --data-urlencode 'db=bench' --data-urlencode 'q=SELECT count(usage_user) FROM cpu' \
    | sed -nE 's/.*\[\[[^,]*,([0-9]+)\]\].*/\1/p'
}

cleanup() {
  cluster down > /dev/null 2>&1 || true
  influxdb stop > /dev/null 2>&1 || true
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$DIR"; fi
}
trap cleanup EXIT
rm -rf "$DIR"
mkdir -p "$DIR"

cluster up --meta 1 --data 1 > /dev/null
echo "writing $POINTS points x $FIELDS fields ..." >&2
SHARDLINE_JAVA_OPTS="${SHARDLINE_JAVA_OPTS:--Xmx4g}" "$REPO/scripts/shardline" bench write -url "$URL" -db bench \
  -points "$POINTS" -fields "$FIELDS" >&2
echo "load before export: $(uptime)"

t0="$(now)"
"$REPO/scripts/shardline" inspect export -datadir "$DIR/cluster/data1/data" -database bench -out "$FILE"
t1="$(now)"
LINES="$(grep -c '^cpu' "$FILE" || true)"
echo "shardline inspect export: $LINES lines, $(du -b "$FILE" | cut -f1) bytes: $(rate "$LINES" "$(echo "$t1 - $t0" | bc)")"

curl -sf -XPOST "$URL/query" --data-urlencode 'q=DROP DATABASE bench' > /dev/null
echo "load before import: $(uptime)"
t0="$(now)"
"$REPO/scripts/shardline" import -path "$FILE" -url "$URL" | tail -3
t1="$(now)"
echo "shardline import: $(rate "$LINES" "$(echo "$t1 - $t0" | bc)"); count(usage_user) after: $(count "$URL")"

if command -v influxd > /dev/null && command -v influx > /dev/null; then
  cluster down > /dev/null
  influxdb start > /dev/null
  IURL="http://127.0.0.1:$INFLUXDB_PORT"
  echo "load before influx -import: $(uptime)"
  t0="$(now)"
  influx -host 127.0.0.1 -port "$INFLUXDB_PORT" -import -path "$FILE" -precision ns 2>&1 | tail -3
  t1="$(now)"
  echo "influx -import (InfluxDB 1.6.7): $(rate "$LINES" "$(echo "$t1 - $t0" | bc)"); count(usage_user) after: $(count "$IURL")"
  influxdb stop > /dev/null
  if command -v influx_inspect > /dev/null; then
    t0="$(now)"
    influx_inspect export -datadir "$DIR/influxdb/data" -waldir "$DIR/influxdb/wal" -database bench \
      -out "$DIR/influx.lp" > /dev/null
    t1="$(now)"
    echo "influx_inspect export (InfluxDB 1.6.7, stopped): $(rate "$(grep -c '^cpu' "$DIR/influx.lp")" "$(echo "$t1 - $t0" | bc)")"
  fi
fi
