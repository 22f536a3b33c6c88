#!/usr/bin/env bash
# Series cardinality on a cluster (issue 23's last benchmark): a local cluster of 1 meta and 3 data
# nodes, a database WITH REPLICATION 2, and a load where every point starts a new series
# (`shardline bench write`, SERIES series x 1 point, 2 fields). Prints the ingest rate, each data
# node's RSS and CPU seconds after the load, the p50 of `SHOW TAG VALUES FROM cpu WITH KEY = region`
# and of a raw `... WHERE host = ... ORDER BY time DESC LIMIT 100` (Python keep-alive client, warm),
# and the restart-to-serving time of a data node owning a shard: from starting its stopped JVM until it answers a
# query of its own shards (`node=<id>`, which reads only that node's copies). See docs/benchmarks.md,
# "Series cardinality".
#
#   scripts/bench/cardinality-cluster.sh [--dir DIR]
#
# Environment: SERIES (default 10000000), FIELDS (default 2), BATCH (default 5000), CONNECTIONS
# (default 4), SHORT_RUNS (default 200), QUERY_WARMUP (default 100), BASE_PORT (default 24400; ports
# 24400-24599), KEEP=1 keeps DIR. Everything lives under DIR (default /tmp/bench-cardinality-cluster),
# deleted at the end; processes are stopped by pid only. At the default size the load takes some
# minutes and DIR about 6 GB (3 x 2 copies of 10 M series' index and data, before compaction).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR=/tmp/bench-cardinality-cluster
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    *) echo "cardinality-cluster.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
SERIES="${SERIES:-10000000}"
FIELDS="${FIELDS:-2}"
BATCH="${BATCH:-5000}"
CONNECTIONS="${CONNECTIONS:-4}"
SHORT_RUNS="${SHORT_RUNS:-200}"
QUERY_WARMUP="${QUERY_WARMUP:-100}"
BASE="${BASE_PORT:-24400}"
URL="http://127.0.0.1:$((BASE + 106))"

cluster() { "$REPO/scripts/cluster.sh" "$@" --dir "$DIR/cluster"; }
cleanup() { cluster down > /dev/null 2>&1 || true; [ "${KEEP:-0}" = 1 ] || rm -rf "$DIR"; }
trap cleanup EXIT

pid_of() { cluster status | awk -v n="$1" '$1 == n { print $2 }'; }
cpu_seconds() { awk '{ printf "%.1f", ($14 + $15) / 100 }' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
now() { date +%s.%N; }

rm -rf "$DIR"
mkdir -p "$DIR"
SHARDLINE_BASE_PORT="$BASE" SHARDLINE_ANTI_ENTROPY_ENABLED=false SHARDLINE_DATA_MAX_SERIES_PER_DATABASE=0 \
  SHARDLINE_DATA_MAX_VALUES_PER_TAG=0 cluster up --meta 1 --data 3 > /dev/null
curl -sf -XPOST "$URL/query" --data-urlencode 'q=CREATE DATABASE card WITH REPLICATION 2' > /dev/null

echo "load: $SERIES series x 1 point, $FIELDS fields, $BATCH-line batches, $CONNECTIONS connections, 3 data nodes, RF 2"
"$REPO/scripts/shardline" bench write -url "$URL" -db card -no-create -series "$SERIES" -points "$SERIES" \
  -fields "$FIELDS" -batch-size "$BATCH" -connections "$CONNECTIONS" | tee "$DIR/write.txt" | tail -n 3
grep -q 'requests: .* 0 failed' "$DIR/write.txt" || { echo "cardinality-cluster.sh: failed writes" >&2; exit 1; }

printf '%-8s %8s %8s\n' node rss-MB cpu-s
for n in data1 data2 data3; do
  pid="$(pid_of "$n")"
  printf '%-8s %8s %8s\n' "$n" "$(rss_mb "$pid")" "$(cpu_seconds "$pid")"
done

echo "queries (through data1):"
"$REPO/scripts/bench/query-latency.py" "$URL" card "$SHORT_RUNS" "$QUERY_WARMUP" \
  "tag-values=SHOW TAG VALUES FROM cpu WITH KEY = region" \
  "raw-host-limit=SELECT * FROM cpu WHERE host = 'server-00042' ORDER BY time DESC LIMIT 100" | sed 's/^/  /'

# restart-to-serving of a data node owning a shard of the database: SIGTERM, then time from the start
# command until a query of its own copies (node=<id>) answers 200 with a series in it
owner="$("$REPO/scripts/shardline-ctl" -bind "127.0.0.1:$((BASE + 11))" show-shards \
  | awk '$2 == "card" { print; exit }' | grep -o '{[^}]*}' | head -n 1 | tr -d '{}')"
id="$(echo "$owner" | sed -E 's/^(ID:)?([0-9]+) .*/\2/')"
port="${owner##*:}"
node="data$(((port - BASE - 108) / 10 + 1))"
[ -n "$id" ] && [ -n "$(pid_of "$node")" ] || { echo "cardinality-cluster.sh: no owner found ($owner)" >&2; exit 1; }
nurl="$("$REPO/scripts/cluster.sh" url "$node" --dir "$DIR/cluster")"
cluster stop "$node" > /dev/null
start="$(now)"
cluster start "$node" > /dev/null
healthy="$(now)"
deadline=$((SECONDS + 600))
until curl -sf --max-time 30 "$nurl/query?db=card&node=$id" \
    --data-urlencode "q=SELECT * FROM cpu WHERE host = 'server-00042' ORDER BY time DESC LIMIT 1" 2> /dev/null \
    | grep -q '"series"'; do
  [ $SECONDS -lt $deadline ] || { echo "cardinality-cluster.sh: $node does not serve its shards" >&2; exit 1; }
  sleep 0.1
done
serving="$(now)"
awk -v s="$start" -v h="$healthy" -v q="$serving" -v n="$node" -v r="$(rss_mb "$(pid_of "$node")")" \
  'BEGIN { printf "%s restart: healthy after %.1f s, serving its own shards after %.1f s (RSS %s MB)\n", n, h - s, q - s, r }'
