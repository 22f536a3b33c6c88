# shellcheck shell=bash
# Shared by the network drills D11-D16: lib.sh plus a cluster on real (namespaced) hosts
# (`cluster.sh up --netns`, needs root), steady writers at consistency one and quorum, and the
# skeleton of a drill that breaks the network around one owner for OUTAGE seconds, heals it, and
# checks. RESULT lines carry, besides lib.sh's fields: hh_peak_bytes (largest hinted-handoff backlog
# seen during the fault, sampled every 2 s), failed_requests (requests not acknowledged, both
# writers), p99_fault_ms (write latency p99 while the fault was in force).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CLUSTER_FLAGS="--netns"

# The three data nodes' URLs, comma-separated (the writers fail over between them).
data_urls() { echo "$(url data1),$(url data2),$(url data3)"; }

# start_writers SECONDS: writer w1 at consistency one and w2 at quorum, RATE/2 points/s each.
start_writers() {
  local half=$(( RATE / 2 ))
  shardline drill write --url "$(data_urls)" --rate "$half" --duration "${1}s" --consistency one \
    --log "$LOGS/w1.log" --writer w1 > "$DIR/w1.out" 2> "$DIR/w1.err" &
  WRITER1=$!
  shardline drill write --url "$(data_urls)" --rate "$half" --duration "${1}s" --consistency quorum \
    --log "$LOGS/w2.log" --writer w2 > "$DIR/w2.out" 2> "$DIR/w2.err" &
  WRITER2=$!
}

wait_writers() {
  wait "$WRITER1" || true
  wait "$WRITER2" || true
  sed 's/^/   /' "$DIR/w1.out" "$DIR/w2.out"
}

failed_requests() { cat "$LOGS"/*.log | awk '$6 != "ok"' | wc -l; }

# The other owner of the drill shard (pick_owner chose $1).
other_owner() { shard_owners | grep -vx "$1" | head -1; }

# The data nodes other than $1, comma-separated.
other_data_nodes() { cluster status | awk -v v="$1" '$1 ~ /^data/ && $1 != v {print $1}' | paste -sd, -; }

# Waits $1 seconds while sampling the hinted-handoff backlog; sets HH_PEAK (bytes).
sample_handoff() {
  local end=$((SECONDS + $1)) q
  HH_PEAK=0
  while [ $SECONDS -lt $end ]; do
    q="$(queued_bytes)"; [ "$q" -gt "$HH_PEAK" ] && HH_PEAK="$q"
    sleep 2
  done
}

# run_fault_drill DESCRIPTION: the drill's function apply_fault breaks the network around VICTIM;
# writes go on PRE s before, OUTAGE s during and POST s after the fault; then heal, wait until hinted
# handoff drained and the checker finds every acknowledged point on every owner, and print RESULT.
# CONVERGENCE_S is measured from the heal.
run_fault_drill() {
  drill_schedule "write ${PRE}s, then $1 for ${OUTAGE}s, heal, write ${POST}s more; drain and check"
  start_writers $(( PRE + OUTAGE + POST ))
  sleep "$PRE"
  apply_fault; T1=$(date +%s%3N)
  sample_handoff "$OUTAGE"; event "hinted-handoff backlog peak during the fault: $HH_PEAK bytes"
  T2=$(date +%s%3N); HEALED="$(now_s)"; cluster heal | sed 's/^/   /'; event "healed"
  wait_writers
  DRAIN="$(await_drained 300)"; event "hinted handoff drained ${DRAIN}s after the writers stopped"
  await_converged "$CONVERGE_LIMIT" > /dev/null
  CONV=-1; [ "$LOST" = 0 ] && CONV="$(elapsed "$HEALED" "$(now_s)")"
  check
  VERDICT=FAIL; [ "$LOST" = 0 ] && [ "$UNEXPECTED" = 0 ] && [ "$DRAIN" != "-1" ] && VERDICT=PASS
  result "$VERDICT" "$CONV" "$DRAIN" "victim=$VICTIM hh_peak_bytes=$HH_PEAK failed_requests=$(failed_requests)" \
    "p99_fault_ms=$(p99_between "$T1" "$T2")" "${EXTRA:-}"
}

# Starts the cluster, creates the drill database (RF 2) and picks the victim owner (VICTIM) and the
# other owner (PEER).
net_drill_setup() {
  cluster_up
  query data1 "CREATE DATABASE drill WITH REPLICATION 2" > /dev/null
  VICTIM="$(pick_owner)"
  PEER="$(other_owner "$VICTIM")"
}
