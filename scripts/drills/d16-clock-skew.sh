#!/usr/bin/env bash
# D16: one data node's wall clock runs 30 s ahead, another's 30 s behind (cluster.sh --clock-offset,
# read by the nodes' Clock, so HLC versions and every wall-clock timer see it), while three writers,
# one per data node as coordinator, keep overwriting the same points (a shared series, one point
# every few seconds over three hours of 1 h shard groups) and two more write unique points at one and
# quorum, for OUTAGE seconds (60). Pass: every owner holds, for every point, the value with the
# highest HLC version (ties: the greater value, as storage merges), the owners agree, nothing
# acknowledged is lost, no value sits on a node that does not own its shard group's shard, no two
# shard groups of the RP overlap, and after two more anti-entropy comparisons per node the stored
# values are unchanged (anti-entropy converged and does not flip-flop).
. "$(dirname "${BASH_SOURCE[0]}")/netlib.sh"
drill_init d16 11200 "$@"
# Anti-entropy compares every 2 s (settle window 5 s) and repairs diffs by itself, so it takes part
# while the clocks are skewed (its cut-offs come from the comparing node's clock).
export SHARDLINE_ANTI_ENTROPY_CHECK_INTERVAL=2s SHARDLINE_ANTI_ENTROPY_SETTLE_WINDOW=5s \
  SHARDLINE_ANTI_ENTROPY_AUTO_REPAIR_DIFF=true
short_defaults 2000 15
SLOTS=600; BATCH=500
[ "$SHORT" = 1 ] && { SLOTS=200; BATCH=100; }
cluster_up
query data1 "CREATE DATABASE drill WITH REPLICATION 2 SHARD DURATION 1h NAME hourly" > /dev/null
pick_owner > /dev/null
read -r -a DATA <<< "data1 data2 data3"
AHEAD="${DATA[$(seeded 3)]}"
BEHIND="$(printf '%s\n' "${DATA[@]}" | grep -vx "$AHEAD" | sed -n "$(( $(seeded 2) + 1 ))p")"
drill_schedule "clocks: $AHEAD +30s, $BEHIND -30s; overwrite $SLOTS points from 3 coordinators and write unique points for ${OUTAGE}s; converge; 2 more anti-entropy comparisons"
cluster restart "$AHEAD" --clock-offset +30s > /dev/null; event "restarted $AHEAD with its clock 30s ahead"
cluster restart "$BEHIND" --clock-offset -30s > /dev/null; event "restarted $BEHIND with its clock 30s behind"
STEP=$(( 3 * 3600 * 1000000000 / SLOTS ))
BASE=$(( ($(date +%s) - 2 * 3600) * 1000000000 ))
start_writers "$OUTAGE"
OW=""
for k in 1 2 3; do
  consistency=one; [ "$k" = 2 ] && consistency=quorum
  shardline drill write --url "$(url "data$k")" --writer "w$((k + 2))" --overwrite-slots "$SLOTS" --series shared \
    --base "$BASE" --step "$STEP" --rate "$(( RATE / 4 ))" --batch "$BATCH" --duration "${OUTAGE}s" \
    --consistency "$consistency" --log "$LOGS/w$((k + 2)).log" > "$DIR/w$((k + 2)).out" 2> "$DIR/w$((k + 2)).err" &
  OW="$OW $!"
done
for p in $OW; do wait "$p" || true; done
wait_writers
sed 's/^/   /' "$DIR"/w[345].out
WRITTEN_AT="$(now_s)"
DRAIN="$(await_drained 300)"
await_converged "$CONVERGE_LIMIT" > /dev/null
CONV=-1; [ "$LOST" = 0 ] && CONV="$(elapsed "$WRITTEN_AT" "$(now_s)")"
check > "$DIR/check1.out"; cat "$DIR/check1.out"
AE="$(await_ae_checks 2 120)"; event "two more anti-entropy comparisons per node in ${AE}s"
check > "$DIR/check2.out"; cat "$DIR/check2.out"
ow_field() { grep -o "$2=[0-9a-f]*" "$DIR/$1" | head -1 | cut -d= -f2; }
F1="$(ow_field check1.out fingerprint)"; F2="$(ow_field check2.out fingerprint)"
DIVERGED="$(ow_field check2.out diverged)"; WRONG="$(ow_field check2.out wrong_winner)"
MISPLACED="$(ow_field check2.out misplaced)"; UNVERIFIABLE="$(ow_field check2.out unverifiable)"
# Shard groups of the RP: no two with the same start (skewed coordinators create groups concurrently).
STARTS="$(query data1 "SHOW SHARD GROUPS" | grep -o '\[[0-9]*,"drill","hourly","[^"]*"' | cut -d'"' -f6)"
GROUPS_N="$(echo "$STARTS" | grep -c . || true)"; OVERLAP=$(( GROUPS_N - $(echo "$STARTS" | sort -u | grep -c . || true) ))
STABLE=false; [ -n "$F1" ] && [ "$F1" = "$F2" ] && STABLE=true
VERDICT=FAIL
[ "$LOST" = 0 ] && [ "$UNEXPECTED" = 0 ] && [ "$DIVERGED" = 0 ] && [ "$WRONG" = 0 ] && [ "$MISPLACED" = 0 ] \
  && [ "$OVERLAP" = 0 ] && [ "$GROUPS_N" -ge 3 ] && [ "$STABLE" = true ] && [ "$CONV" != -1 ] && [ "$AE" != -1 ] \
  && VERDICT=PASS
result "$VERDICT" "$CONV" "$DRAIN" "ahead=$AHEAD behind=$BEHIND slots=$SLOTS diverged=$DIVERGED wrong_winner=$WRONG" \
  "unverifiable=$UNVERIFIABLE misplaced=$MISPLACED shard_groups=$GROUPS_N overlapping_groups=$OVERLAP stable_after_ae=$STABLE" \
  "ae_checks_s=$AE ae_repairs=$(stat_sum repairs ae)" \
  "failed_requests=$(failed_requests)"
