#!/usr/bin/env bash
# D7: replace a permanently dead data node (reference seed scenario 1) under load at consistency one.
# kill -9 one data node and delete its directories (the machine is gone); start a new data node in
# no cluster; `shardline-ctl update-data OLD NEW` hands it the dead node's id and shards. Nobody
# copies anything by hand: anti-entropy (auto-repair-missing, auto-repair-diff) refills the new
# node from the other owners, and hinted handoff delivers what was queued for the id meanwhile.
# Pass: nothing acknowledged is lost on any owner, the new node included.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OUTAGE=20
drill_init d7 31600 "$@"
short_defaults 2000 6
export SHARDLINE_ANTI_ENTROPY_CHECK_INTERVAL=2s SHARDLINE_ANTI_ENTROPY_SETTLE_WINDOW=2s \
  SHARDLINE_ANTI_ENTROPY_AUTO_REPAIR_MISSING=true SHARDLINE_ANTI_ENTROPY_AUTO_REPAIR_DIFF=true
# SWITCH covers starting data4 and update-data after the outage.
PRE=$(( OUTAGE / 4 + 2 )); POST=$(( OUTAGE / 4 + 2 )); SWITCH=10
cluster_up
query data1 "CREATE DATABASE drill WITH REPLICATION 2" > /dev/null
VICTIM="$(pick_owner)"
drill_schedule "write ${PRE}s, kill -9 $VICTIM and wipe it, after ${OUTAGE}s start data4 (new, empty) and update-data $VICTIM -> data4 (allow ${SWITCH}s), write ${POST}s more, then wait for anti-entropy"
shardline drill write --url "$(url data1),$(url data2),$(url data3)" --rate "$RATE" \
  --duration "$(( PRE + OUTAGE + SWITCH + POST ))s" --log "$LOGS/w1.log" > "$DIR/writer.out" &
WRITER=$!
sleep "$PRE"
T1=$(date +%s%3N); cluster kill "$VICTIM" > /dev/null; cluster wipe "$VICTIM" > /dev/null
event "killed $VICTIM and deleted its data, WAL, hinted-handoff and meta directories"
sleep "$OUTAGE"
SHARDLINE_META_META_SERVERS= cluster add-data > /dev/null; event "started data4 in no cluster"
ctl update-data "$(cluster api "$VICTIM")" "$(cluster api data4)" | sed 's/^/   /'
T2=$(date +%s%3N); event "update-data $VICTIM -> data4 done"
wait "$WRITER"; sed 's/^/   /' "$DIR/writer.out"
DRAIN="$(await_drained 300)"; event "hinted handoff drained in ${DRAIN}s"
CONV="$(await_converged "$CONVERGE_LIMIT")"; event "anti-entropy refilled data4 in ${CONV}s"
check
VERDICT=FAIL; [ "$LOST" = 0 ] && [ "$UNEXPECTED" = 0 ] && [ "$CONV" != "-1" ] && VERDICT=PASS
result "$VERDICT" "$CONV" "$DRAIN" "victim=$VICTIM replacement=data4 p99_outage_ms=$(p99_between "$T1" "$T2")"
