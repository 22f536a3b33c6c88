#!/usr/bin/env bash
# copy-shard throughput against cp: writes one shard of about 1 GB with `shardline bench write` into a
# local cluster (1 meta and 1 data node, RF 1, loopback; a second data node joins after the write),
# copies it to the new data node with `shardline-ctl copy-shard` RUNS times (remove-shard on the
# destination between runs), then copies the same shard directory with `cp -r` and `cp -r` + `sync`
# as the physical limit. Prints one line per run. Figures in docs/benchmarks.md ("Copy-shard").
#
#   scripts/bench/copy-shard.sh [--dir DIR]
#
# Environment: BASE_PORT (default 22200; ports 22200-22399), POINTS (default 2200000), FIELDS (default 100; with the
# default 1,000 series this is about 1 GB on disk), RUNS (default 3), KEEP=1 keeps DIR (the
# cluster is stopped either way). Each copy-shard line also gives the CPU seconds of both data nodes.
# Everything lives under DIR (default /tmp/bench-copy-shard), deleted at the end; processes by pid only.
# Its default ports are its own, below Linux's ephemeral range; every bench script's range: docs/benchmarks.md.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR=/tmp/bench-copy-shard
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    *) echo "copy-shard.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
BASE="${BASE_PORT:-22200}"
POINTS="${POINTS:-2200000}"
FIELDS="${FIELDS:-100}"
RUNS="${RUNS:-3}"
META="127.0.0.1:$((BASE + 11))"
URL="http://127.0.0.1:$((BASE + 106))"
# Anti-entropy off (it would copy on its own); a shard cold for 30 s is fully compacted, so the copy
# moves the shard in its final, smallest form.
export SHARDLINE_BASE_PORT="$BASE" SHARDLINE_ANTI_ENTROPY_ENABLED=false \
  SHARDLINE_DATA_COMPACT_FULL_WRITE_COLD_DURATION=30s SHARDLINE_DATA_BLOCK_REWRITE_COLD_DURATION=10s
cluster() { "$REPO/scripts/cluster.sh" "$@" --dir "$DIR/cluster"; }
ctl() { "$REPO/scripts/shardline-ctl" -bind "$META" -timeout 10m "$@"; }
now() { date +%s.%N; }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f s  %.0f MB/s", s, b / s / 1e6 }'; }

cleanup() {
  cluster down > /dev/null 2>&1 || true
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$DIR"; fi
}
trap cleanup EXIT
rm -rf "$DIR"
mkdir -p "$DIR"

# One data node while writing, so the shard group has a single shard; data2 joins afterwards.
cluster up --meta 1 --data 1 > /dev/null
curl -sf -XPOST "$URL/query" --data-urlencode 'q=CREATE DATABASE bench WITH REPLICATION 1' > /dev/null
echo "writing $POINTS points x $FIELDS fields (1000 series) ..." >&2
SHARDLINE_JAVA_OPTS="${SHARDLINE_JAVA_OPTS:--Xmx12g}" "$REPO/scripts/shardline" bench write -url "$URL" -db bench \
  -no-create -series 1000 -fields "$FIELDS" -points "$POINTS" -batch-size 500 -connections 2 >&2
cluster add-data > /dev/null

# The one bench shard and its owner: "ID  bench  autogen  1  ...  [{2 127.0.0.1:22318}]"
row="$(ctl show-shards | awk '$2 == "bench"')"
[ "$(echo "$row" | wc -l)" = 1 ] || { echo "expected one bench shard, got: $row" >&2; exit 1; }
SHARD="$(echo "$row" | awk '{ print $1 }')"
SRC="$(echo "$row" | sed -E 's/.*\[\{[0-9]+ ([0-9.:]+)\}\].*/\1/')"
if [ "$SRC" = "127.0.0.1:$((BASE + 108))" ]; then
  DST="127.0.0.1:$((BASE + 118))"; SRC_NODE=data1
else
  DST="127.0.0.1:$((BASE + 108))"; SRC_NODE=data2
fi
SHARD_DIR="$(find "$DIR/cluster/$SRC_NODE" -type d -path "*/data/bench/autogen/$SHARD" | head -1)"
[ -n "$SHARD_DIR" ] || { echo "no directory for shard $SHARD under $DIR/cluster/$SRC_NODE" >&2; exit 1; }
# Wait (up to 15 min) for the full compaction: the size unchanged over three polls 10 s apart.
size() { du -sb "$SHARD_DIR" | awk '{ print $1 }'; }
last=-1; same=0
for _ in $(seq 1 90); do
  cur="$(size)"
  if [ "$cur" = "$last" ]; then same=$((same + 1)); else same=0; fi
  [ "$same" -ge 3 ] && break
  last="$cur"; sleep 10
done
BYTES="$(size)"
echo "shard $SHARD on $SRC ($SHARD_DIR): $BYTES bytes in $(find "$SHARD_DIR" -type f | wc -l) files; load: $(uptime)"

# CPU seconds each data node spent on a copy (utime + stime from /proc): on a loaded machine they say
# more about the engine than the wall time does.
cpu() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"; }
P1="$(cat "$DIR/cluster/data1/data1.pid")"; P2="$(cat "$DIR/cluster/data2/data2.pid")"
for run in $(seq 1 "$RUNS"); do
  c1="$(cpu "$P1")"; c2="$(cpu "$P2")"
  t0="$(now)"
  ctl copy-shard "$SRC" "$DST" "$SHARD" > /dev/null
  t1="$(now)"
  echo "copy-shard run $run: $(mbps "$BYTES" "$(echo "$t1 - $t0" | bc)")  cpu data1 $(echo "$(cpu "$P1") - $c1" | bc) s" \
    "data2 $(echo "$(cpu "$P2") - $c2" | bc) s  load: $(cut -d' ' -f1-3 /proc/loadavg)"
  ctl remove-shard "$DST" "$SHARD" > /dev/null
done
for run in $(seq 1 "$RUNS"); do
  rm -rf "$DIR/cp"; sync
  t0="$(now)"; cp -r "$SHARD_DIR" "$DIR/cp"; t1="$(now)"
  echo "cp -r run $run: $(mbps "$BYTES" "$(echo "$t1 - $t0" | bc)")"
  rm -rf "$DIR/cp"; sync
  t0="$(now)"; cp -r "$SHARD_DIR" "$DIR/cp"; sync; t1="$(now)"
  echo "cp -r + sync run $run: $(mbps "$BYTES" "$(echo "$t1 - $t0" | bc)")"
done
rm -rf "$DIR/cp"
