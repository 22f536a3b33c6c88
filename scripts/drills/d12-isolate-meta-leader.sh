#!/usr/bin/env bash
# D12: the meta leader is isolated from every other node for OUTAGE seconds (60) while writes go on
# (half at consistency one, half at quorum) and metadata changes (CREATE DATABASE / RETENTION POLICY)
# are made through the data nodes. Pass: a new leader is elected on the majority side, the old one
# steps down and catches up with the log after the heal (within 180 s), every change acknowledged
# during the partition is on every data node afterwards, the meta
# nodes' Raft histories show one leader per term and one log (`shardline drill raft`: no two leaders
# ever committed), and no acknowledged point is lost. Always runs 3 meta nodes.
. "$(dirname "${BASH_SOURCE[0]}")/netlib.sh"
drill_init d12 32200 "$@"
short_defaults 2000 10
META_NODES=3
PRE=4; POST=4
cluster_up
query data1 "CREATE DATABASE drill WITH REPLICATION 2" > /dev/null
pick_owner > /dev/null
meta_urls() { echo "$(url meta1),$(url meta2),$(url meta3)"; }
leader_of() { api_curl -sf --max-time 2 "$(url "$1")/status" | grep -o '"leader":"[^"]*"' | cut -d'"' -f4; }
role_of() { api_curl -sf --max-time 2 "$(url "$1")/raft" | grep -o '"role":"[^"]*"' | cut -d'"' -f4; }
applied_of() { api_curl -sf --max-time 2 "$(url "$1")/raft" | grep -o '"appliedIndex":[0-9]*' | cut -d: -f2; }
LEADER_RAFT="$(leader_of meta1)"
LEADER="meta$(( (${LEADER_RAFT##*:} - SHARDLINE_BASE_PORT - 9) / 10 ))"
MAJORITY="$(cluster status | awk -v l="$LEADER" '$1 ~ /^meta/ && $1 != l {print $1; exit}')"
drill_schedule "write ${PRE}s, isolate the meta leader $LEADER for ${OUTAGE}s making metadata changes, heal, write ${POST}s more"
start_writers $(( PRE + OUTAGE + POST ))
sleep "$PRE"
cluster isolate "$LEADER" | sed 's/^/   /'; T1=$(date +%s%3N)
# A new leader on the majority side, and the old leader stepping down (the host still reaches it).
NEW=""; STEPDOWN=-1; DEADLINE=$((SECONDS + 60))
while [ $SECONDS -lt $DEADLINE ] && { [ -z "$NEW" ] || [ "$STEPDOWN" = -1 ]; }; do
  l="$(leader_of "$MAJORITY" || true)"
  [ -z "$NEW" ] && [ -n "$l" ] && [ "$l" != "$LEADER_RAFT" ] && { NEW="$l"; ELECTED="$(awk -v a="$T1" -v b="$(date +%s%3N)" 'BEGIN {printf "%.2f", (b - a) / 1000}')"; }
  [ "$STEPDOWN" = -1 ] && [ "$(role_of "$LEADER" || true)" != LEADER ] \
    && STEPDOWN="$(awk -v a="$T1" -v b="$(date +%s%3N)" 'BEGIN {printf "%.2f", (b - a) / 1000}')"
  echo "$(date +%T.%N | cut -c1-12) majority-says-leader=$l old-leader-role=$(role_of "$LEADER" || true)" >> "$DIR/election.log"
  sleep 0.2
done
event "new leader: ${NEW:-none} after ${ELECTED:--1}s; old leader $LEADER stepped down after ${STEPDOWN}s"
# Metadata changes through the data nodes (their meta clients fail over to the majority side).
CHANGES=0; CHANGED=""; END=$((SECONDS + OUTAGE - 2))
for i in 1 2 3 4 5; do
  if query "data$(( (i % 3) + 1 ))" "CREATE DATABASE d12_db$i" > /dev/null 2>&1; then CHANGES=$((CHANGES + 1)); CHANGED="$CHANGED d12_db$i"; fi
  if query "data$(( (i % 3) + 1 ))" "CREATE RETENTION POLICY rp$i ON drill DURATION 30d REPLICATION 2" > /dev/null 2>&1; then
    CHANGES=$((CHANGES + 1)); CHANGED="$CHANGED drill.rp$i"
  fi
  [ $SECONDS -lt $END ] && sleep $(( (END - SECONDS) / (6 - i) ))
done
event "metadata changes acknowledged during the partition: $CHANGES of 10"
[ $SECONDS -lt $END ] && sleep $((END - SECONDS))
cluster heal | sed 's/^/   /'; HEALED="$(now_s)"; event "healed"
wait_writers
# The old leader catches up: every meta node applies the same index (the changes made meanwhile).
CAUGHT_UP=-1
until [ "$(for m in meta1 meta2 meta3; do applied_of "$m"; done | sort -u | wc -l)" = 1 ]; do
  [ "$(elapsed "$HEALED" "$(now_s)" | cut -d. -f1)" -lt 180 ] || break
  sleep 0.5
done
[ "$(for m in meta1 meta2 meta3; do applied_of "$m"; done | sort -u | wc -l)" = 1 ] && CAUGHT_UP="$(elapsed "$HEALED" "$(now_s)")"
event "old leader caught up with the log ${CAUGHT_UP}s after the heal (-1: not within 180s)"
shardline drill raft --status-url "$(meta_urls)" > "$DIR/raft.out" 2>&1; RAFT_OK=$?
sed 's/^/   /' "$DIR/raft.out"
MISSING=0
for n in data1 data2 data3; do
  dbs="$(query "$n" "SHOW DATABASES")"; rps="$(query "$n" "SHOW RETENTION POLICIES ON drill")"
  for c in $CHANGED; do
    case "$c" in
      drill.*) echo "$rps" | grep -q "\"${c#drill.}\"" || { MISSING=$((MISSING + 1)); echo "   $c missing on $n"; } ;;
      *) echo "$dbs" | grep -q "\"$c\"" || { MISSING=$((MISSING + 1)); echo "   $c missing on $n"; } ;;
    esac
  done
done
DRAIN="$(await_drained 300)"
await_converged "$CONVERGE_LIMIT" > /dev/null
CONV=-1; [ "$LOST" = 0 ] && CONV="$(elapsed "$HEALED" "$(now_s)")"
check
VERDICT=FAIL
[ "$LOST" = 0 ] && [ "$UNEXPECTED" = 0 ] && [ -n "$NEW" ] && [ "$STEPDOWN" != -1 ] && [ "$RAFT_OK" = 0 ] \
  && [ "$MISSING" = 0 ] && [ "$CHANGES" -gt 0 ] && [ "$CAUGHT_UP" != -1 ] && VERDICT=PASS
result "$VERDICT" "$CONV" "$DRAIN" "old_leader=$LEADER new_leader_s=${ELECTED:--1} stepdown_s=$STEPDOWN caught_up_s=$CAUGHT_UP" \
  "meta_changes=$CHANGES missing_changes=$MISSING raft_safe=$([ "$RAFT_OK" = 0 ] && echo true || echo false)" \
  "failed_requests=$(failed_requests)"
