#!/usr/bin/env bash
# D2: SIGSTOP one data node for OUTAGE seconds (30) under RATE points/s (10k) at consistency one — a
# long GC pause — then SIGCONT. Pass: nothing acknowledged is lost once hinted handoff drains.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OUTAGE=30
RATE=10000
drill_init d2 30200 "$@"
short_defaults 2000 8
PRE=$(( OUTAGE / 6 + 2 )); POST=$(( OUTAGE / 6 + 2 ))
cluster_up
query data1 "CREATE DATABASE drill WITH REPLICATION 2" > /dev/null
VICTIM="$(pick_owner)"
drill_schedule "write ${PRE}s, SIGSTOP $VICTIM for ${OUTAGE}s, write ${POST}s more, then drain and check"
shardline drill write --url "$(url data1),$(url data2),$(url data3)" --rate "$RATE" \
  --duration "$(( PRE + OUTAGE + POST ))s" --log "$LOGS/w1.log" > "$DIR/writer.out" &
WRITER=$!
sleep "$PRE"
T1=$(date +%s%3N); cluster pause "$VICTIM" > /dev/null; event "paused $VICTIM"
sleep "$OUTAGE"
Q="$(queued_bytes)"; event "hinted-handoff bytes queued for $VICTIM: $Q"
T2=$(date +%s%3N); cluster resume "$VICTIM" > /dev/null; event "resumed $VICTIM"
# Drain time: from the node being back until no queue holds anything (writes go on meanwhile).
DRAIN="$(await_drained 300)"; event "hinted handoff drained in ${DRAIN}s"
wait "$WRITER"; sed 's/^/   /' "$DIR/writer.out"
END="$(await_drained 300)"
settle_and_check 60
VERDICT=FAIL; [ "$LOST" = 0 ] && [ "$UNEXPECTED" = 0 ] && [ "$DRAIN" != "-1" ] && [ "$END" != "-1" ] && VERDICT=PASS
result "$VERDICT" "$DRAIN" "$DRAIN" "first_missing=$FIRST_MISSING settle_s=$SETTLE victim=$VICTIM queued_bytes=$Q p99_pause_ms=$(p99_between "$T1" "$T2")"
