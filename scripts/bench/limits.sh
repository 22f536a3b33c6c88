#!/usr/bin/env bash
# Write throughput with every limit configured against every limit off: starts a local cluster
# (1 meta and 1 data node, loopback) twice, writes the same data set with `shardline bench write`
# each time and prints both rates and the ratio (target: limits on >= 0.98 x limits off). See
# docs/operations.md, "Limits".
#
#   scripts/bench/limits.sh [--dir DIR]
#
# Environment: BASE_PORT (default 22600; ports 22600-22799), POINTS (default 2000000), CONNECTIONS (default 4),
# RUNS (default 3, the best run of each side counts). Everything lives under DIR (default
# /tmp/bench-limits), deleted at the end; processes are stopped by pid only.
# Its default ports are its own, below Linux's ephemeral range; every bench script's range: docs/benchmarks.md.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR=/tmp/bench-limits
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    *) echo "limits.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
BASE="${BASE_PORT:-22600}"
POINTS="${POINTS:-2000000}"
CONNECTIONS="${CONNECTIONS:-4}"
RUNS="${RUNS:-3}"
URL="http://127.0.0.1:$((BASE + 106))"
export SHARDLINE_BASE_PORT="$BASE" SHARDLINE_ANTI_ENTROPY_ENABLED=false
cluster() { "$REPO/scripts/cluster.sh" "$@" --dir "$DIR/cluster"; }
cleanup() { cluster down > /dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT

# One side: start a fresh cluster with the given limits, write RUNS times, print the best points/s.
side() {
  cluster down > /dev/null 2>&1 || true
  rm -rf "$DIR/cluster"
  env "$@" "$REPO/scripts/cluster.sh" up --meta 1 --data 1 --dir "$DIR/cluster" > /dev/null
  local best=0 rate
  for run in $(seq 1 "$RUNS"); do
    rate="$("$REPO/scripts/shardline" bench write -url "$URL" -db "bench$run" -points "$POINTS" \
      -connections "$CONNECTIONS" | awk '/points\/s/ { for (i = 1; i <= NF; i++) if ($i ~ /points\/s/) print $(i-1) }' \
      | tail -1 | tr -d ',')"
    awk -v r="$rate" -v b="$best" 'BEGIN { exit !(r + 0 > b + 0) }' && best="$rate"
  done
  echo "$best"
}

off="$(side SHARDLINE_HTTP_MAX_CONCURRENT_REQUESTS=64 SHARDLINE_HTTP_MAX_QUEUED_REQUESTS=100000 \
  SHARDLINE_HTTP_READ_HEADER_TIMEOUT=0s SHARDLINE_HTTP_READ_TIMEOUT=0s SHARDLINE_HTTP_IDLE_TIMEOUT=0s \
  SHARDLINE_HTTP_MAX_BODY_SIZE=0)"
on="$(side SHARDLINE_HTTP_MAX_CONNECTION_LIMIT=1000 SHARDLINE_HTTP_MAX_CONCURRENT_WRITE_LIMIT=16 \
  SHARDLINE_HTTP_MAX_ENQUEUED_WRITE_LIMIT=64 SHARDLINE_HTTP_ENQUEUED_WRITE_TIMEOUT=30s \
  SHARDLINE_HTTP_MAX_ROW_LIMIT=10000 SHARDLINE_CLUSTER_MAX_CONCURRENT_QUERIES=16 \
  SHARDLINE_CLUSTER_QUERY_TIMEOUT=60s SHARDLINE_CLUSTER_LOG_QUERIES_AFTER=10s)"
echo "limits off: $off points/s"
echo "limits on:  $on points/s"
awk -v a="$on" -v b="$off" 'BEGIN { printf "ratio:      %.3f (target >= 0.98)\n", (b > 0 ? a / b : 0) }'
