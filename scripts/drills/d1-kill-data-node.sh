#!/usr/bin/env bash
# D1: kill -9 one data node for OUTAGE seconds (60) under RATE points/s (10k) at consistency one,
# then restart it. Pass: nothing acknowledged is lost on any owner once hinted handoff drains.
# Reports the drain time and the write-latency p99 during the outage.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
drill_init d1 30000 "$@"
if [ "$SHORT" = 1 ]; then RATE=2000; OUTAGE=8; fi
PRE=$(( OUTAGE / 6 + 2 )); POST=$(( OUTAGE / 6 + 2 ))
cluster up --meta 3 --data 3 > "$DIR/up.log"
query data1 "CREATE DATABASE drill WITH REPLICATION 2" > /dev/null
VICTIM="data$(( $(seeded 3) + 1 ))"
echo "   schedule: write ${PRE}s, kill -9 $VICTIM for ${OUTAGE}s, write ${POST}s more, then drain and check"
shardline drill write --url "$(url data1),$(url data2),$(url data3)" --rate "$RATE" \
  --duration "$(( PRE + OUTAGE + POST ))s" --log "$LOGS/w1.log" --writer w1 > "$DIR/writer.out" &
WRITER=$!
sleep "$PRE"
T1=$(date +%s%3N); cluster kill "$VICTIM" > /dev/null; event "killed $VICTIM"
sleep "$OUTAGE"
T2=$(date +%s%3N); cluster start "$VICTIM" > /dev/null; event "restarted $VICTIM"
wait "$WRITER"; sed 's/^/   /' "$DIR/writer.out"
DRAIN="$(await_drained 300)"; event "hinted handoff drained in ${DRAIN}s"
check
VERDICT=FAIL; [ "$LOST" = 0 ] && [ "$UNEXPECTED" = 0 ] && [ "$DRAIN" != "-1" ] && VERDICT=PASS
result "$VERDICT" "$DRAIN" "$DRAIN" "victim=$VICTIM p99_outage_ms=$(p99_between "$T1" "$T2")"
