#!/usr/bin/env bash
# Migration from InfluxDB 1.x (issue 22's benchmark): the same data moved three ways, in points/s.
#   1. InfluxDB 1.6.7 (scripts/bench/influxdb.sh) gets the data set from `shardline bench write`, then
#      `influxd backup -portable -database bench` writes DIR/portable (the cache is snapshotted into
#      TSM files first; the script checks that the shard archives hold .tsm files).
#   2. portable restore: `shardline-ctl restore -db bench DIR/portable` into a local cluster (1 meta,
#      1 data node, RF 1, loopback, anti-entropy off), influxd stopped; an untimed `shardline-ctl show`
#      runs first (it records the ctl's class-data archive if a build made it stale).
#   3. import: the same data as line protocol (`influx_inspect export` of influxd's files when it is
#      installed; Debian's influxdb 1.6.7 package has none, then `shardline inspect export` of the
#      restored database, untimed), DROP DATABASE bench, `shardline import` into the same cluster.
#   4. influxd restore: cluster stopped, a fresh influxd, `influxd restore -portable -db bench`.
# After each step the summed `SELECT count(*) FROM cpu` must equal POINTS, or the script fails; a step
# ends when its command returned and the count matched (polled until DEADLINE seconds). Prints one
# table: seconds and points/s of each, and the ratios portable restore / import (target >= 5) and
# portable restore / influxd restore. See docs/benchmarks.md, "Migration from InfluxDB 1.x".
#
# Points are field values, i.e. lines of the exported line protocol (one field per line, as
# `influx_inspect export` writes them): the unit of scripts/bench/export-import.sh. POINTS field
# values are written as POINTS / FIELDS lines of FIELDS fields (4 floats and 1 integer), 1,000 series.
#
#   scripts/bench/migrate.sh [--dir DIR]
#
# Environment: POINTS (default 10000000; a multiple of FIELDS), FIELDS (default 5), BASE_PORT (Shardline's
# port layout, default 26000; the cluster binds BASE+11, +12, +19, +106, +108), INFLUXDB_PORT (default
# 26886; the fresh influxd of step 4 uses INFLUXDB_PORT+10; each influxd also binds its port+2 for
# backup and restore), so by default ports 26000-26199 and 26886-26898; DEADLINE (seconds a count may
# take to match, default 600), KEEP=1 keeps DIR. Everything lives under DIR (default
# /tmp/bench-migrate), deleted at the end; processes are stopped by pid only. Needs influxd 1.x
# (apt-get install influxdb), curl, jq and bc, and about 1.5 GB free in DIR at the default size (the
# line-protocol file alone is some 850 MB).
# Its default ports are its own, below Linux's ephemeral range; every bench script's range: docs/benchmarks.md.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR=/tmp/bench-migrate
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    *) echo "migrate.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
POINTS="${POINTS:-10000000}"
FIELDS="${FIELDS:-5}"
BASE="${BASE_PORT:-26000}"
IPORT="${INFLUXDB_PORT:-26886}"
IPORT2=$((IPORT + 10))
DEADLINE="${DEADLINE:-600}"
META="127.0.0.1:$((BASE + 11))"
URL="http://127.0.0.1:$((BASE + 106))"
LP="$DIR/bench.lp"
die() { echo "migrate.sh: $*" >&2; exit 1; }
command -v influxd > /dev/null || die "influxd not found: apt-get install influxdb"
for tool in curl jq bc; do command -v "$tool" > /dev/null || die "$tool not found"; done
[ $((POINTS % FIELDS)) = 0 ] || die "POINTS ($POINTS) must be a multiple of FIELDS ($FIELDS)"
LINES=$((POINTS / FIELDS))

export SHARDLINE_BASE_PORT="$BASE" SHARDLINE_ANTI_ENTROPY_ENABLED=false
cluster() { "$REPO/scripts/cluster.sh" "$@" --dir "$DIR/cluster"; }
influx1() { INFLUXDB_PORT="$IPORT" "$REPO/scripts/bench/influxdb.sh" "$@" --dir "$DIR/influxdb"; }
influx2() { INFLUXDB_PORT="$IPORT2" "$REPO/scripts/bench/influxdb.sh" "$@" --dir "$DIR/influxdb2"; }
ctl() { "$REPO/scripts/shardline-ctl" -bind "$META" -timeout 30m "$@"; }
now() { date +%s.%N; }
# The field values of cpu in database bench at $1: the sum of SELECT count(*)'s columns, "" on error.
count() {
  curl -sf --max-time 300 "$1/query" --data-urlencode 'db=bench' --data-urlencode 'q=SELECT count(*) FROM cpu' \
    | jq -e '[.results[0].series[]?.values[][1:][]] | add // 0' 2> /dev/null || true
}
# Waits until count at $1 is POINTS; $2 is the time the step's command returned. Prints the time the
# step ended: $2 when the first count matched, else when the matching count was asked.
await_count() {
  local url="$1" t="$2" first=1 asked c
  local until=$((SECONDS + DEADLINE))
  while :; do
    asked="$(now)"
    c="$(count "$url")"
    if [ "$c" = "$POINTS" ]; then
      if [ "$first" = 1 ]; then echo "$t"; else echo "$asked"; fi
      return 0
    fi
    [ $SECONDS -lt $until ] || die "$url: count(*) of cpu is '${c:-none}' after ${DEADLINE}s, expected $POINTS"
    first=0; sleep 0.2
  done
}
# Runs a step: label, URL to count at, command... Appends "label seconds" to DIR/results.txt.
step() {
  local label="$1" url="$2" t0 t1 end; shift 2
  echo "$label: $* (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  t0="$(now)"
  "$@" > "$DIR/$label.log" 2>&1 || { cat "$DIR/$label.log" >&2; die "$label failed"; }
  t1="$(now)"
  end="$(await_count "$url" "$t1")"
  echo "$label $(echo "$end - $t0" | bc)" >> "$DIR/results.txt"
}

cleanup() {
  cluster down > /dev/null 2>&1 || true
  influx1 stop > /dev/null 2>&1 || true
  influx2 stop > /dev/null 2>&1 || true
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$DIR"; fi
}
trap cleanup EXIT
rm -rf "$DIR"
mkdir -p "$DIR"
: > "$DIR/results.txt"

# 1. The data set in InfluxDB and its portable backup.
influx1 start > /dev/null
echo "writing $LINES points x $FIELDS fields = $POINTS field values into influxd ..." >&2
SHARDLINE_JAVA_OPTS="${SHARDLINE_JAVA_OPTS:--Xmx4g}" "$REPO/scripts/shardline" bench write \
  -url "http://127.0.0.1:$IPORT" -db bench -points "$LINES" -fields "$FIELDS" > "$DIR/write.txt"
grep -q 'requests: .* 0 failed' "$DIR/write.txt" || { cat "$DIR/write.txt" >&2; die "bench write failed"; }
await_count "http://127.0.0.1:$IPORT" "$(now)" > /dev/null
influxd backup -portable -database bench -host "127.0.0.1:$((IPORT + 2))" "$DIR/portable" > "$DIR/backup.log" 2>&1 \
  || { cat "$DIR/backup.log" >&2; die "influxd backup failed"; }
BYTES="$(du -sb "$DIR/portable" | cut -f1)"
TSM=0
for archive in "$DIR"/portable/*.tar.gz; do
  [ -e "$archive" ] || die "no shard archive in $DIR/portable"
  TSM=$((TSM + $(tar tzf "$archive" | grep -c '\.tsm$' || true)))
done
[ "$TSM" -gt 0 ] || die "the backup in $DIR/portable holds no .tsm file"
echo "backup: $BYTES bytes, $(find "$DIR/portable" -name '*.tar.gz' | wc -l) shard archives, $TSM TSM files" >&2
influx1 stop > /dev/null
if command -v influx_inspect > /dev/null; then
  influx_inspect export -datadir "$DIR/influxdb/data" -waldir "$DIR/influxdb/wal" -database bench -out "$LP" \
    > /dev/null
fi

# 2. Portable restore into Shardline.
cluster up --meta 1 --data 1 > /dev/null
# one untimed shardline-ctl command first, as an operator checks the cluster before restoring into it;
# the first run after a build also records the ctl's class-data archive (scripts/shardline-ctl)
ctl show > /dev/null
step portable-restore "$URL" ctl restore -db bench "$DIR/portable"

# 3. The same data as line protocol, imported.
if [ ! -f "$LP" ]; then
  "$REPO/scripts/shardline" inspect export -datadir "$DIR/cluster/data1/data" -database bench -out "$LP" \
    > /dev/null
fi
EXPORTED="$(grep -c '^cpu' "$LP" || true)"
[ "$EXPORTED" = "$POINTS" ] || die "$LP has $EXPORTED lines of cpu, expected $POINTS"
curl -sf -XPOST "$URL/query" --data-urlencode 'q=DROP DATABASE bench' > /dev/null
[ "$(count "$URL")" = 0 ] || die "database bench still answers after DROP DATABASE"
step import "$URL" "$REPO/scripts/shardline" import -path "$LP" -url "$URL"
cluster down > /dev/null

# 4. influxd's own restore of the backup into a fresh InfluxDB.
influx2 start > /dev/null
step influxd-restore "http://127.0.0.1:$IPORT2" \
  influxd restore -portable -db bench -host "127.0.0.1:$((IPORT2 + 2))" "$DIR/portable"
influx2 stop > /dev/null

secs() { awk -v l="$1" '$1 == l { print $2 }' "$DIR/results.txt"; }
echo "$POINTS points (field values; $LINES lines x $FIELDS fields, 1,000 series), portable backup $BYTES bytes"
printf '%-48s %10s %12s\n' step seconds points/s
row() { printf '%-48s %10.2f %12.0f\n' "$1" "$2" "$(echo "$POINTS / $2" | bc -l)"; }
row "shardline-ctl restore (InfluxDB portable backup)" "$(secs portable-restore)"
row "shardline import (line protocol)" "$(secs import)"
row "influxd restore -portable (InfluxDB 1.6.7)" "$(secs influxd-restore)"
awk -v r="$(secs portable-restore)" -v i="$(secs import)" -v x="$(secs influxd-restore)" \
  'BEGIN { printf "portable restore / import: %.2fx (target >= 5); portable restore / influxd restore: %.2fx\n", i / r, x / r }'
