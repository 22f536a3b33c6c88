#!/usr/bin/env bash
# backup / restore throughput against cp: writes one shard (about 1 GB with the defaults) with
# `shardline bench write` into a local cluster (1 meta and 1 data node, RF 1, loopback, anti-entropy
# off; a second data node joins after the write), waits for its full compaction, then times RUNS times each: `shardline-ctl backup -strategy
# full -db bench` into a fresh directory, `shardline-ctl restore -db bench -newdb bench_rN` of that backup,
# `shardline-ctl copy-shard` to the other data node (remove-shard between runs), and `cp -r` + `sync`
# of the same shard directory as the physical limit. Prints one line per run with MB/s of the shard's
# bytes. Figures belong in docs/benchmarks.md ("Backup and restore"), measured on a quiet machine.
#
#   scripts/bench/backup.sh [--dir DIR]
#
# Environment: BASE_PORT (default 22000; ports 22000-22199), POINTS (default 2200000), FIELDS (default 100), RUNS
# (default 3), STABLE_POLLS (polls 10 s apart with an unchanged shard size before timing; default 3,
# 0 skips the wait), KEEP=1 keeps DIR (the cluster is stopped either way).
# Everything lives under DIR (default /tmp/bench-backup), deleted at the end; processes by pid only.
# Its default ports are its own, below Linux's ephemeral range; every bench script's range: docs/benchmarks.md.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR=/tmp/bench-backup
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    *) echo "backup.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
BASE="${BASE_PORT:-22000}"
POINTS="${POINTS:-2200000}"
FIELDS="${FIELDS:-100}"
RUNS="${RUNS:-3}"
STABLE_POLLS="${STABLE_POLLS:-3}"
META="127.0.0.1:$((BASE + 11))"
URL="http://127.0.0.1:$((BASE + 106))"
export SHARDLINE_BASE_PORT="$BASE" SHARDLINE_ANTI_ENTROPY_ENABLED=false \
  SHARDLINE_DATA_COMPACT_FULL_WRITE_COLD_DURATION=30s SHARDLINE_DATA_BLOCK_REWRITE_COLD_DURATION=10s
cluster() { "$REPO/scripts/cluster.sh" "$@" --dir "$DIR/cluster"; }
ctl() { "$REPO/scripts/shardline-ctl" -bind "$META" -timeout 10m "$@"; }
now() { date +%s.%N; }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.2f s  %.0f MB/s", s, b / s / 1e6 }'; }
timed() { local t0 t1; t0="$(now)"; "$@" > /dev/null; t1="$(now)"; echo "$t1 - $t0" | bc; }

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

# The one bench shard and its owner: "ID  bench  autogen  1  ...  [{4 127.0.0.1:22108}]"
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
size() { du -sb "$SHARD_DIR" | awk '{ print $1 }'; }
last=-1; same=0
if [ "$STABLE_POLLS" -gt 0 ]; then
  for _ in $(seq 1 90); do
    cur="$(size)"
    if [ "$cur" = "$last" ]; then same=$((same + 1)); else same=0; fi
    [ "$same" -ge "$STABLE_POLLS" ] && break
    last="$cur"; sleep 10
  done
fi
BYTES="$(size)"
echo "shard $SHARD on $SRC ($SHARD_DIR): $BYTES bytes in $(find "$SHARD_DIR" -type f | wc -l) files; load: $(uptime)"

for run in $(seq 1 "$RUNS"); do
  # -db bench: without it run N would also back up the N-1 databases the earlier restores created
  echo "backup run $run: $(mbps "$BYTES" "$(timed ctl backup -strategy full -db bench "$DIR/backup$run")")  load: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "restore run $run: $(mbps "$BYTES" "$(timed ctl restore -db bench -newdb "bench_r$run" "$DIR/backup$run")")"
  rm -rf "$DIR/backup$run"
done
for run in $(seq 1 "$RUNS"); do
  echo "copy-shard run $run: $(mbps "$BYTES" "$(timed ctl copy-shard "$SRC" "$DST" "$SHARD")")"
  ctl remove-shard "$DST" "$SHARD" > /dev/null
done
for run in $(seq 1 "$RUNS"); do
  rm -rf "$DIR/cp"; sync
  echo "cp -r + sync run $run: $(mbps "$BYTES" "$(timed sh -c "cp -r '$SHARD_DIR' '$DIR/cp' && sync")")"
done
rm -rf "$DIR/cp"
