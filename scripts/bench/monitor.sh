#!/usr/bin/env bash
# Monitoring overhead, two figures (docs/benchmarks.md, "Monitoring"):
#  1. write throughput with [monitor] store-enabled on vs off: a fresh local cluster (1 meta, 2 data,
#     RF 2) per setting, the same `shardline bench write` load against each, RUNS times alternating;
#     prints points/s per run and the on/off ratio of the medians (target >= 0.98).
#  2. /metrics and /debug/vars scrape time on a data node holding SHARDS shards (default 1000):
#     one data node, a database with 1-hour shard groups, one point per hour for SHARDS hours, then
#     SCRAPES timed requests of each endpoint (curl's total time; median and max).
#
#   scripts/bench/monitor.sh [--dir DIR] [writes|scrape|all]
#
# Environment: BASE_PORT (default 22800; ports 22800-22999), POINTS (default 2000000), RUNS (default 3), SHARDS (default
# 1000), SCRAPES (default 20), STORE_INTERVAL (default 10s, the default of [monitor] store-interval).
# Everything lives under DIR (default /tmp/bench-monitor), deleted at the end; processes by pid only.
# Its default ports are its own, below Linux's ephemeral range; every bench script's range: docs/benchmarks.md.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR=/tmp/bench-monitor
WHAT=all
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    writes|scrape|all) WHAT="$1"; shift ;;
    *) echo "monitor.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
BASE="${BASE_PORT:-22800}"
POINTS="${POINTS:-2000000}"
RUNS="${RUNS:-3}"
SHARDS="${SHARDS:-1000}"
SCRAPES="${SCRAPES:-20}"
URL="http://127.0.0.1:$((BASE + 106))"
export SHARDLINE_BASE_PORT="$BASE" SHARDLINE_MONITOR_STORE_INTERVAL="${STORE_INTERVAL:-10s}" \
  SHARDLINE_HTTP_LOG_ENABLED=false
cluster() { "$REPO/scripts/cluster.sh" "$@" --dir "$DIR/cluster"; }
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

cleanup() {
  cluster down > /dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT
rm -rf "$DIR"
mkdir -p "$DIR"

writes() {
  local on off run enabled rate
  : > "$DIR/on"; : > "$DIR/off"
  for run in $(seq 1 "$RUNS"); do
    for enabled in true false; do
      cluster down > /dev/null 2>&1 || true
      rm -rf "$DIR/cluster"
      SHARDLINE_MONITOR_STORE_ENABLED="$enabled" cluster up --meta 1 --data 2 > /dev/null
      curl -sf -XPOST "$URL/query" --data-urlencode 'q=CREATE DATABASE bench WITH REPLICATION 2' > /dev/null
      rate="$("$REPO/scripts/shardline" bench write -url "$URL" -db bench -no-create -points "$POINTS" 2>&1 \
        | grep -Eo '[0-9][0-9,.]* points/s' | tail -1 | tr -d ',' | awk '{ print $1 }')"
      echo "run $run store-enabled=$enabled: $rate points/s  load: $(cut -d' ' -f1-3 /proc/loadavg)"
      if [ "$enabled" = true ]; then echo "$rate" >> "$DIR/on"; else echo "$rate" >> "$DIR/off"; fi
    done
  done
  on="$(median < "$DIR/on")"; off="$(median < "$DIR/off")"
  awk -v on="$on" -v off="$off" 'BEGIN { printf "median points/s: on %.0f, off %.0f, ratio %.3f (target >= 0.98)\n", on, off, on / off }'
}

scrape() {
  local now body i start
  cluster down > /dev/null 2>&1 || true
  rm -rf "$DIR/cluster"
  cluster up --meta 1 --data 1 > /dev/null
  curl -sf -XPOST "$URL/query" --data-urlencode \
    'q=CREATE DATABASE many WITH DURATION INF REPLICATION 1 SHARD DURATION 1h NAME hourly' > /dev/null
  now="$(date +%s)"
  start=$(( (now / 3600 - SHARDS) * 3600 ))
  for ((i = 0; i < SHARDS; i += 100)); do
    body=""
    for ((j = i; j < i + 100 && j < SHARDS; j++)); do
      body+="cpu,host=h$j value=$j $(( (start + j * 3600) * 1000000000 ))"$'\n'
    done
    curl -sf -XPOST "$URL/write?db=many" --data-binary "$body" > /dev/null
  done
  echo "shards on the node: $(curl -s "$URL/debug/vars" | grep -c '"shard:') (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  for endpoint in /metrics /debug/vars; do
    : > "$DIR/t"
    curl -s -o /dev/null "$URL$endpoint"   # warm up
    for i in $(seq 1 "$SCRAPES"); do
      curl -s -o /dev/null -w '%{time_total}\n' "$URL$endpoint" >> "$DIR/t"
    done
    echo "$endpoint: $(curl -s "$URL$endpoint" | wc -c) bytes, median $(median < "$DIR/t") s, max $(sort -g "$DIR/t" | tail -1) s over $SCRAPES scrapes"
  done
}

case "$WHAT" in
  writes) writes ;;
  scrape) scrape ;;
  all) writes; scrape ;;
esac
