#!/usr/bin/env bash
# Shared by the drills in scripts/drills/: each drill starts its own cluster (own directory, own base
# port) through scripts/cluster.sh, drives load with `shardline drill write`, injects faults on a
# schedule, checks with `shardline drill check`, and ends with one line:
#   RESULT <drill> PASS|FAIL seed=<n> written=<n> acked=<n> lost=<n> recovered=<n> convergence_s=<x> drain_s=<x> <extra>
# Flags every drill accepts: --seed N, --rate POINTS_PER_S, --outage SECONDS, --short (seconds-long
# version used by the test suite), --keep (leave the cluster running for inspection), --secure (the
# cluster runs with `cluster.sh up --secure`: users, internal tokens and TLS everywhere; the drill's
# tools then use HTTPS with the cluster's CA and the admin user).
# Environment: DRILL_DIR (default var/drills) holds the drills' clusters and logs; DRILL_BASE_PORT
# replaces the drill's own base port (the test suite uses its own port range).
set -euo pipefail

DRILLS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$DRILLS/../.." && pwd)"
CLUSTER_SH="$REPO/scripts/cluster.sh"
JAR="$REPO/cluster-launcher/target/shardline.jar"

SEED="${SEED:-$(( (RANDOM << 15) | RANDOM ))}"
RATE=5000   # points/s; D1 and D2 use 10000 (the issue's figure)
OUTAGE=60
SHORT=0
KEEP=0
RATE_SET=0
OUTAGE_SET=0
CONVERGE_LIMIT=300
META_NODES=3
SECURE=0

drill_init() {
  DRILL="$1"; BASE="${DRILL_BASE_PORT:-$2}"; shift 2
  while [ $# -gt 0 ]; do
    case "$1" in
      --seed) SEED="$2"; shift 2 ;;
      --rate) RATE="$2"; RATE_SET=1; shift 2 ;;
      --outage) OUTAGE="$2"; OUTAGE_SET=1; shift 2 ;;
      --short) SHORT=1; shift ;;
      --keep) KEEP=1; shift ;;
      --secure) SECURE=1; CLUSTER_FLAGS="$CLUSTER_FLAGS --secure"; shift ;;
      *) echo "$DRILL: unknown flag $1" >&2; exit 2 ;;
    esac
  done
  DIR="${DRILL_DIR:-$REPO/var/drills}/$DRILL"
  export SHARDLINE_BASE_PORT="$BASE"
  LOGS="$DIR/logs"
  rm -rf "$DIR"; mkdir -p "$LOGS"
  if [ ! -f "$JAR" ]; then (cd "$REPO" && mvn -B -q -ntp -DskipTests package -pl cluster-launcher -am); fi
  RANDOM_STATE="$SEED"
  echo "== $DRILL  seed=$SEED base-port=$BASE dir=$DIR$([ "$SECURE" = 1 ] && echo " secure")"
  trap drill_cleanup EXIT
}

# short_defaults RATE OUTAGE: with --short, the rate and outage to use unless given as flags, and a
# single meta node (a drill about the meta cluster sets META_NODES=3 again).
short_defaults() {
  [ "$SHORT" = 1 ] || return 0
  META_NODES=1
  [ "$RATE_SET" = 1 ] || RATE="$1"
  [ "$OUTAGE_SET" = 1 ] || OUTAGE="$2"
}

# Prints the figures the drill runs with and its fault schedule.
drill_schedule() {
  echo "   rate=${RATE}/s outage=${OUTAGE}s short=$SHORT meta-nodes=$META_NODES data-nodes=3"
  echo "   schedule: $*"
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
# Extra flags of `cluster.sh up` (the network drills set --netns, see netlib.sh; --secure adds --secure).
CLUSTER_FLAGS=""
# With --secure, once the cluster is up: the CA every client trusts and the admin user every client
# authenticates as (the Java tools read SSL_CERT_FILE and INFLUX_USERNAME/INFLUX_PASSWORD, as `influx` does).
secure_env() {
  [ "$SECURE" = 1 ] || return 0
  # shellcheck disable=SC1091
  . "$DIR/cluster/secure/secrets.env"
  export SSL_CERT_FILE="$DIR/cluster/secure/ca.pem" INFLUX_USERNAME="$ADMIN_USER" INFLUX_PASSWORD="$ADMIN_PASSWORD"
}
# curl to a node's HTTP port (a data node's API, a meta node's status port): with --secure, over HTTPS
# trusting the CA, as the admin user.
api_curl() {
  if [ "$SECURE" = 1 ]; then curl --cacert "$SSL_CERT_FILE" -u "$INFLUX_USERNAME:$INFLUX_PASSWORD" "$@"; else curl "$@"; fi
}
# Starts the drill's cluster: META_NODES meta nodes (3; 1 with --short) and 3 data nodes. Its ports
# lie in Linux's ephemeral range, so a client connection of any process (even one in TIME_WAIT, up to
# 60 s) may hold one: if a bind fails so, wait (90 s at most) until none is held and start afresh once.
cluster_up() {
  # shellcheck disable=SC2086
  if ! cluster up --meta "$META_NODES" --data 3 $CLUSTER_FLAGS > "$DIR/up.log" 2>&1; then
    grep -q "address already in use" "$DIR/up.log" || { cat "$DIR/up.log" >&2; return 1; }
    echo "   a port of the cluster was taken by another connection; waiting for it, then starting afresh"
    # A fresh directory: a meta node that failed during its very first start cannot start again from
    # the Raft storage it left (it never finds a leader), and nothing was written yet.
    cluster down > /dev/null 2>&1 || true
    rm -rf "$DIR/cluster"
    await_ports_free 90
    # shellcheck disable=SC2086
    cluster up --meta "$META_NODES" --data 3 $CLUSTER_FLAGS >> "$DIR/up.log" 2>&1 || { cat "$DIR/up.log" >&2; return 1; }
  fi
  secure_env
}

# The ports of the drill's cluster in cluster.sh's layout (data4 included, for D7 and D8).
cluster_ports() {
  local b="$SHARDLINE_BASE_PORT" k
  for k in $(seq 1 "$META_NODES"); do echo $((b + k * 10 + 1)) $((b + k * 10 + 2)) $((b + k * 10 + 9)); done
  for k in 1 2 3 4; do echo $((b + (9 + k) * 10 + 6)) $((b + (9 + k) * 10 + 8)); done
}

# Waits (up to $1 seconds) until no socket on this machine has one of the cluster's ports as its local
# port (any state; from /proc/net/tcp and tcp6). Conservative: a listener's own connections closed
# at shutdown also count while in TIME_WAIT, though they would not stop the port from being bound.
await_ports_free() {
  local deadline=$((SECONDS + $1)) used p busy
  while true; do
    used="$(awk 'FNR > 1 {split($2, a, ":"); print a[2]}' /proc/net/tcp /proc/net/tcp6 2>/dev/null | sort -u)"
    busy=""
    for p in $(cluster_ports); do
      echo "$used" | grep -qx "$(printf '%04X' "$p")" && busy="$busy $p"
    done
    [ -n "$busy" ] || return 0
    [ $SECONDS -lt $deadline ] || { echo "   ports still in use after ${1}s:$busy" >&2; return 0; }
    sleep 1
  done
}
shardline() { java -XX:+UseSerialGC -Xmx512m -jar "$JAR" "$@"; }
ctl() {
  if [ "$SECURE" = 1 ]; then
    "$REPO/scripts/shardline-ctl" -bind "$(cluster api meta1)" -bind-tls -auth-type basic -user "$INFLUX_USERNAME" \
      -pwd "$INFLUX_PASSWORD" "$@"
  else
    "$REPO/scripts/shardline-ctl" -bind "$(cluster api meta1)" "$@"
  fi
}
url() { cluster url "$1"; }
now_s() { date +%s.%N; }
elapsed() { echo "$1 $2" | awk '{printf "%.1f", $2 - $1}'; }
event() { echo "   [$(date +%H:%M:%S)] $*"; }

# query NODE STATEMENT [DB]: POST /query to a data node (in database DB if given), fails on an error result.
query() {
  local out
  out="$(api_curl -sf --max-time 120 -XPOST "$(url "$1")/query${3:+?db=$3}" --data-urlencode "q=$2")" \
    || { echo "query to $1 failed" >&2; return 1; }
  case "$out" in *'"error"'*) echo "query '$2' on $1: $out" >&2; return 1 ;; esac
  echo "$out"
}

# Waits (up to $1 seconds) until the checker finds nothing lost; prints the seconds it took or -1.
await_converged() {
  local limit="$1" t0; t0="$(now_s)"; shift
  while true; do
    check "$@" > /dev/null
    if [ "$LOST" = 0 ] && [ "$UNEXPECTED" = 0 ] && [ "$RESURRECTED" = 0 ]; then elapsed "$t0" "$(now_s)"; return 0; fi
    if [ "$(elapsed "$t0" "$(now_s)" | cut -d. -f1)" -ge "$limit" ]; then echo "-1"; return 0; fi
    sleep 2
  done
}

# The final check of a drill whose writers have finished and whose hinted-handoff queues are empty.
# With consistency one the coordinator answers once one owner has the points, while the copy to another
# owner is still on its way (or fails and is then queued) for up to [cluster] write-timeout: empty queues
# right after the writer's last answer do not yet mean every owner has every acknowledged point. So when
# the first check finds points missing, it is repeated (up to $1 seconds) until nothing is missing;
# anti-entropy (check-interval 5 m) cannot fill a gap in that window, so what is still missing is lost.
# Sets FIRST_MISSING (missing at the first check) and SETTLE (seconds until nothing was missing, -1 if never).
settle_and_check() {
  check > "$DIR/check-first.out"
  FIRST_MISSING="$LOST"; SETTLE=0
  if [ "$LOST" != 0 ] || [ "$UNEXPECTED" != 0 ]; then
    SETTLE="$(await_converged "$1")"
    event "first check: $FIRST_MISSING acknowledged points missing on some owner; nothing missing after ${SETTLE}s"
    check
  else
    cat "$DIR/check-first.out"
  fi
}

# The data node that is not an owner of the drill database's first shard, and the owners (space-separated).
shard_owners() {
  local id
  for id in $(query data1 "SHOW SHARDS" | grep -o '"drill",[^]]*' | grep -o '"[0-9,]*"$' | tr -d '"' | head -1 | tr ',' ' '); do
    node_name_of_id "$id"
  done
}

# Prints a seeded choice among the owners of the drill database's shard (with 3 data nodes and RF 2 a
# shard group has one shard, so every point of the drill lands on these two nodes). First writes a
# few points (writer w0, checked like the others) so that the current shard group exists.
pick_owner() {
  local owners
  [ -f "$LOGS/w0.log" ] || shardline drill write --url "$(url data1)" --rate 100 --duration 1s \
    --log "$LOGS/w0.log" --writer w0 > /dev/null
  read -r -a owners <<< "$(shard_owners | tr '\n' ' ')"
  [ ${#owners[@]} -gt 0 ] || { echo "cannot find the owners of the drill shard" >&2; return 1; }
  echo "${owners[$(seeded ${#owners[@]})]}"
}

# The cluster.sh name of a data node id (from the meta node's /show-cluster).
node_name_of_id() {
  local addr
  addr="$(api_curl -sf "$(url meta1)/show-cluster" | grep -o "{\"id\":$1,\"addr\":\"[^\"]*\"" | cut -d'"' -f6)"
  for n in $(cluster status | awk '$1 ~ /^data/ {print $1}'); do
    [ "$(url "$n")" = "$([ "$SECURE" = 1 ] && echo https || echo http)://$addr" ] && { echo "$n"; return 0; }
  done
}

# stat_sum FIELD [STATISTIC]: the sum of every "FIELD":<number> in the /debug/vars of every running
# data node (of the named statistic only, if given: "hh" is the node total, "hh_processor" per queue);
# 0 where the statistic does not exist yet.
stat_sum() {
  local total=0 n q scope='.*'
  [ -n "${2:-}" ] && scope="\"$2\": *{\"name\":\"$2\",\"tags\":\(null\|{}\),\"values\":{[^}]*}"
  for n in $(cluster status | awk '$1 ~ /^data/ && $3 == "up" {print $1}'); do
    q="$( (api_curl -sf --max-time 10 "$(url "$n")/debug/vars" || true) | tr -d '\n' | (grep -o "$scope" || true) \
      | (grep -o "\"$1\":[0-9]*" || true) | cut -d: -f2 | awk '{s+=$1} END {print s+0}')"
    total=$((total + ${q:-0}))
  done
  echo "$total"
}

# Waits (up to $2 seconds) until anti-entropy has compared shards with a peer $1 more times per
# running data node (the "checks" counter of the "ae" statistic), so a final check sees what further
# anti-entropy passes did; prints the seconds it took or -1.
await_ae_checks() {
  local t0 n target; t0="$(now_s)"
  n="$(cluster status | awk '$1 ~ /^data/ && $3 == "up"' | wc -l)"
  target=$(( $(stat_sum checks ae) + $1 * n ))
  while [ "$(stat_sum checks ae)" -lt "$target" ]; do
    if [ "$(elapsed "$t0" "$(now_s)" | cut -d. -f1)" -ge "$2" ]; then echo "-1"; return 0; fi
    sleep 0.5
  done
  elapsed "$t0" "$(now_s)"
}

# Sum of hinted-handoff bytes queued on every running data node.
queued_bytes() { stat_sum queueTotalSize; }

# Waits (up to $1 seconds) until no data node holds queued hinted-handoff bytes; prints the seconds it took.
await_drained() {
  local limit="$1" t0; t0="$(now_s)"
  while [ "$(queued_bytes)" != 0 ]; do
    if [ "$(elapsed "$t0" "$(now_s)" | cut -d. -f1)" -ge "$limit" ]; then echo "-1"; return 0; fi
    sleep 0.5
  done
  elapsed "$t0" "$(now_s)"
}

# The status URL of a running meta node that answers /show-cluster (so it knows the leader), or meta1's.
meta_url() {
  local n u
  for n in $(cluster status | awk '$1 ~ /^meta/ && $3 == "up" {print $1}'); do
    u="$(url "$n")"
    if api_curl -sf --max-time 5 -o /dev/null "$u/show-cluster"; then echo "$u"; return 0; fi
  done
  url meta1
}

# Runs the checker against every writer log in $LOGS (extra flags passed on); sets LOST, UNEXPECTED,
# RECOVERED, RESURRECTED, ACKED. If the checker cannot run (a node or the meta leader unreachable), it
# says why and LOST, UNEXPECTED and RESURRECTED are -1, so a drill fails and await_converged retries.
check() {
  local out
  out="$(shardline drill check --log "$(ls "$LOGS"/*.log | paste -sd, -)" --status-url "$(meta_url)" \
    $([ "$SECURE" = 1 ] && echo -ssl) "$@" \
    2> "$DIR/check.err" || true)"
  echo "$out" | sed 's/^/   /'
  field() { echo "$out" | (grep -o "$1=[0-9]*" || true) | head -1 | cut -d= -f2; }
  ACKED="$(field acknowledged)"; LOST="$(field lost)"; UNEXPECTED="$(field unexpected)"
  RECOVERED="$(field recovered)"; RESURRECTED="$(field resurrected)"
  : "${ACKED:=0}" "${LOST:=-1}" "${UNEXPECTED:=-1}" "${RECOVERED:=0}" "${RESURRECTED:=-1}"
  [ "$LOST" != -1 ] || echo "   checker failed: $(grep -m1 -v '^\s*at ' "$DIR/check.err" || true)"
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
