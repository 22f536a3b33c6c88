#!/usr/bin/env bash
# D2: SIGSTOP one data node for OUTAGE seconds (30) under RATE points/s (10k) at consistency one — a
# long GC pause — then SIGCONT. Pass: nothing acknowledged is lost once hinted handoff drains.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OUTAGE=30
drill_init d2 30200 "$@"
if [ "$SHORT" = 1 ]; then RATE=2000; OUTAGE=8; fi
PRE=$(( OUTAGE / 6 + 2 )); POST=$(( OUTAGE / 6 + 2 ))
cluster up --meta 3 --data 3 > "$DIR/up.log"
query data1 "CREATE DATABASE drill WITH REPLICATION 2" > /dev/null
VICTIM="data$(( $(seeded 3) + 1 ))"
echo "   schedule: write ${PRE}s, SIGSTOP $VICTIM for ${OUTAGE}s, write ${POST}s more, then drain and check"
shardline drill write --url "$(url data1),$(url data2),$(url data3)" --rate "$RATE" \
  --duration "$(( PRE + OUTAGE + POST ))s" --log "$LOGS/w1.log" > "$DIR/writer.out" &
WRITER=$!
sleep "$PRE"
T1=$(date +%s%3N); cluster pause "$VICTIM" > /dev/null; event "paused $VICTIM"
sleep "$OUTAGE"
T2=$(date +%s%3N); cluster resume "$VICTIM" > /dev/null; event "resumed $VICTIM"
wait "$WRITER"; sed 's/^/   /' "$DIR/writer.out"
DRAIN="$(await_drained 300)"; event "hinted handoff drained in ${DRAIN}s"
check
VERDICT=FAIL; [ "$LOST" = 0 ] && [ "$UNEXPECTED" = 0 ] && [ "$DRAIN" != "-1" ] && VERDICT=PASS
result "$VERDICT" "$DRAIN" "$DRAIN" "victim=$VICTIM p99_pause_ms=$(p99_between "$T1" "$T2")"
