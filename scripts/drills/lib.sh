#!/usr/bin/env bash
# Shared by the drills in scripts/drills/: each drill starts its own cluster (own directory, own base
# port) through scripts/cluster.sh, drives load with `shardline drill write`, injects faults on a
# schedule, checks with `shardline drill check`, and ends with one line:
#   RESULT <drill> PASS|FAIL seed=<n> written=<n> acked=<n> lost=<n> recovered=<n> convergence_s=<x> drain_s=<x> <extra>
# Flags every drill accepts: --seed N, --rate POINTS_PER_S, --outage SECONDS, --short (seconds-long
# version used by the test suite), --keep (leave the cluster running for inspection).
set -euo pipefail

DRILLS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$DRILLS/../.." && pwd)"
CLUSTER_SH="$REPO/scripts/cluster.sh"
JAR="$REPO/cluster-launcher/target/shardline.jar"

SEED="${SEED:-$(( (RANDOM << 15) | RANDOM ))}"
RATE=10000
OUTAGE=60
SHORT=0
KEEP=0

drill_init() {
  DRILL="$1"; BASE="$2"; shift 2
  while [ $# -gt 0 ]; do
    case "$1" in
      --seed) SEED="$2"; shift 2 ;;
      --rate) RATE="$2"; shift 2 ;;
      --outage) OUTAGE="$2"; shift 2 ;;
      --short) SHORT=1; shift ;;
      --keep) KEEP=1; shift ;;
      *) echo "$DRILL: unknown flag $1" >&2; exit 2 ;;
    esac
  done
  DIR="${DRILL_DIR:-$REPO/var/drills}/$DRILL"
  export SHARDLINE_BASE_PORT="$BASE"
  LOGS="$DIR/logs"
  rm -rf "$DIR"; mkdir -p "$LOGS"
  if [ ! -f "$JAR" ]; then (cd "$REPO" && mvn -B -q -ntp -DskipTests package -pl cluster-launcher -am); fi
  RANDOM_STATE="$SEED"
  echo "== $DRILL  seed=$SEED rate=${RATE}/s outage=${OUTAGE}s base-port=$BASE dir=$DIR"
  trap drill_cleanup EXIT
}

drill_cleanup() {
  if [ "$KEEP" = 0 ] && [ -f "$DIR/cluster/cluster.env" ]; then
    "$CLUSTER_SH" down --dir "$DIR/cluster" > /dev/null 2>&1 || true
  fi
}

# A deterministic pseudo-random number in [0, $1) from the seed (so a seed reproduces the schedule).
seeded() {
  RANDOM_STATE=$(( (RANDOM_STATE * 1103515245 + 12345) & 0x7fffffff ))
  echo $(( RANDOM_STATE % $1 ))
}

cluster() { "$CLUSTER_SH" "$@" --dir "$DIR/cluster"; }
shardline() { java -Xmx1g -jar "$JAR" "$@"; }
url() { cluster url "$1"; }
now_s() { date +%s.%N; }
elapsed() { echo "$1 $2" | awk '{printf "%.1f", $2 - $1}'; }
event() { echo "   [$(date +%H:%M:%S)] $*"; }

# query NODE STATEMENT: POST /query to a data node, fails on an error result.
query() {
  local out
  out="$(curl -sf -XPOST "$(url "$1")/query" --data-urlencode "q=$2")" || { echo "query to $1 failed" >&2; return 1; }
  case "$out" in *'"error"'*) echo "query '$2' on $1: $out" >&2; return 1 ;; esac
  echo "$out"
}

# Waits (up to $1 seconds) until the checker finds nothing lost; prints the seconds it took or -1.
await_converged() {
  local limit="$1" t0; t0="$(now_s)"; shift
  while true; do
    check "$@" > /dev/null
    if [ "$LOST" = 0 ] && [ "$UNEXPECTED" = 0 ]; then elapsed "$t0" "$(now_s)"; return 0; fi
    if [ "$(elapsed "$t0" "$(now_s)" | cut -d. -f1)" -ge "$limit" ]; then echo "-1"; return 0; fi
    sleep 2
  done
}

# The data node that is not an owner of the drill database's first shard, and the owners (space-separated).
shard_owners() {
  local id
  for id in $(query data1 "SHOW SHARDS" | grep -o '"drill",[^]]*' | grep -o '"[0-9,]*"$' | tr -d '"' | head -1 | tr ',' ' '); do
    node_name_of_id "$id"
  done
}

# The cluster.sh name of a data node id (from the meta node's /show-cluster).
node_name_of_id() {
  local addr
  addr="$(curl -sf "$(url meta1)/show-cluster" | grep -o "{\"id\":$1,\"addr\":\"[^\"]*\"" | grep -o '127.0.0.1:[0-9]*')"
  for n in $(cluster status | awk '$1 ~ /^data/ {print $1}'); do
    [ "$(url "$n")" = "http://$addr" ] && { echo "$n"; return 0; }
  done
}

# Sum of hinted-handoff bytes queued on every running data node.
queued_bytes() {
  local total=0 n q
  for n in $(cluster status | awk '$1 ~ /^data/ && $3 == "up" {print $1}'); do
    q="$(curl -sf "$(url "$n")/debug/vars" | grep -o '"queueTotalSize":[0-9]*' | cut -d: -f2 | awk '{s+=$1} END {print s+0}')"
    total=$((total + ${q:-0}))
  done
  echo "$total"
}

# Waits (up to $1 seconds) until no data node holds queued hinted-handoff bytes; prints the seconds it took.
await_drained() {
  local limit="$1" t0; t0="$(now_s)"
  while [ "$(queued_bytes)" != 0 ]; do
    if [ "$(elapsed "$t0" "$(now_s)" | cut -d. -f1)" -ge "$limit" ]; then echo "-1"; return 0; fi
    sleep 0.5
  done
  elapsed "$t0" "$(now_s)"
}

# Runs the checker against every writer log in $LOGS (extra flags passed on); sets LOST, UNEXPECTED,
# RECOVERED, RESURRECTED, ACKED.
check() {
  local out
  out="$(shardline drill check --log "$(ls "$LOGS"/*.log | paste -sd, -)" --status-url "$(url meta1)" "$@" || true)"
  echo "$out" | sed 's/^/   /'
  ACKED="$(echo "$out" | grep -o 'acknowledged=[0-9]*' | cut -d= -f2)"
  LOST="$(echo "$out" | grep -o 'lost=[0-9]*' | head -1 | cut -d= -f2)"
  UNEXPECTED="$(echo "$out" | grep -o 'unexpected=[0-9]*' | cut -d= -f2)"
  RECOVERED="$(echo "$out" | grep -o 'recovered=[0-9]*' | cut -d= -f2)"
  RESURRECTED="$(echo "$out" | grep -o 'resurrected=[0-9]*' | cut -d= -f2)"
  : "${ACKED:=0}" "${LOST:=-1}" "${UNEXPECTED:=-1}" "${RECOVERED:=0}" "${RESURRECTED:=-1}"
}

# p99 latency (ms) of the requests sent between two epoch-ms instants, from the writer logs.
p99_between() {
  cat "$LOGS"/*.log | awk -v a="$1" -v b="$2" '$9 >= a && $9 <= b {print $8}' | sort -n \
    | awk '{v[NR]=$1} END {if (NR == 0) {print "n/a"} else {i = int(NR * 0.99 + 0.999); if (i > NR) i = NR; print v[i]}}'
}

written_points() { cat "$LOGS"/*.log | awk '{n += $5 - $4 + 1} END {print n + 0}'; }

# result PASS|FAIL CONVERGENCE DRAIN EXTRA...
result() {
  local verdict="$1" conv="$2" drain="$3"; shift 3
  echo "RESULT $DRILL $verdict seed=$SEED written=$(written_points) acked=$ACKED lost=$LOST recovered=$RECOVERED convergence_s=$conv drain_s=$drain $*"
  [ "$verdict" = PASS ]
}
