#!/usr/bin/env bash
# D8: replace the machine of a data node that still runs (reference seed scenario 2) under load at
# consistency one, keeping its id: start the new data node in no cluster, `shardline-ctl update-data
# OLD NEW` while the old one still serves, then stop the old process (SIGTERM) and retire its disk.
# Nobody copies anything by hand: anti-entropy (auto-repair-missing, auto-repair-diff) refills the
# new node from the other owners (RF 2).
# Pass: nothing acknowledged is lost on any owner, the new node included.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OUTAGE=20
drill_init d8 31800 "$@"
short_defaults 2000 6
export SHARDLINE_ANTI_ENTROPY_CHECK_INTERVAL=2s SHARDLINE_ANTI_ENTROPY_SETTLE_WINDOW=2s \
  SHARDLINE_ANTI_ENTROPY_AUTO_REPAIR_MISSING=true SHARDLINE_ANTI_ENTROPY_AUTO_REPAIR_DIFF=true
# --outage is how long writes go on after the old node stopped; SWITCH covers starting data4 and update-data.
PRE=$(( OUTAGE / 4 + 2 )); POST="$OUTAGE"; SWITCH=15
cluster_up
query data1 "CREATE DATABASE drill WITH REPLICATION 2" > /dev/null
OLD="$(pick_owner)"
drill_schedule "write ${PRE}s, start data4 in no cluster, update-data $OLD -> data4 while $OLD runs, stop $OLD and retire its disk (about ${SWITCH}s), write ${POST}s more, then wait for anti-entropy"
shardline drill write --url "$(url data1),$(url data2),$(url data3)" --rate "$RATE" \
  --duration "$(( PRE + SWITCH + POST ))s" --log "$LOGS/w1.log" > "$DIR/writer.out" &
WRITER=$!
sleep "$PRE"
SHARDLINE_META_META_SERVERS= cluster add-data > /dev/null; event "started data4 in no cluster"
T1=$(date +%s%3N)
ctl update-data "$(cluster api "$OLD")" "$(cluster api data4)" | sed 's/^/   /'
event "update-data $OLD -> data4 done"
cluster stop "$OLD" > /dev/null; cluster wipe "$OLD" > /dev/null; T2=$(date +%s%3N)
event "stopped $OLD (SIGTERM) and deleted its directories"
wait "$WRITER"; sed 's/^/   /' "$DIR/writer.out"
FAILED="$(awk '$6 != "ok"' "$LOGS/w1.log" | wc -l)"
DRAIN="$(await_drained 300)"; event "hinted handoff drained in ${DRAIN}s"
CONV="$(await_converged "$CONVERGE_LIMIT")"; event "anti-entropy refilled data4 in ${CONV}s"
check
VERDICT=FAIL; [ "$LOST" = 0 ] && [ "$UNEXPECTED" = 0 ] && [ "$CONV" != "-1" ] && VERDICT=PASS
result "$VERDICT" "$CONV" "$DRAIN" "old=$OLD replacement=data4 failed_requests=$FAILED p99_switch_ms=$(p99_between "$T1" "$T2")"
