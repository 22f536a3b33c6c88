#!/usr/bin/env bash
# D10: rolling restart of every data node under load at consistency one, waiting for hinted handoff
# to drain before the next node (the operator's rule). Pass: 0 lost and no write ever failed.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
drill_init d10 31400 "$@"
short_defaults 2000 "$OUTAGE"
DURATION=$(( SHORT == 1 ? 40 : 90 ))
cluster_up
query data1 "CREATE DATABASE drill WITH REPLICATION 2" > /dev/null
drill_schedule "write ${DURATION}s; after 3s restart data1, data2, data3 in turn (SIGTERM, start), waiting for hinted handoff to drain after each"
shardline drill write --url "$(url data1),$(url data2),$(url data3)" --rate "$RATE" --duration "${DURATION}s" \
  --log "$LOGS/w1.log" > "$DIR/writer.out" &
WRITER=$!
sleep 3
for n in data1 data2 data3; do
  cluster restart "$n" > /dev/null; event "restarted $n"
  D="$(await_drained 120)"; event "hinted handoff drained in ${D}s"
done
wait "$WRITER"; sed 's/^/   /' "$DIR/writer.out"
FAILED="$(awk '$6 != "ok"' "$LOGS/w1.log" | wc -l)"
DRAIN="$(await_drained 120)"
settle_and_check 60
VERDICT=FAIL; [ "$LOST" = 0 ] && [ "$UNEXPECTED" = 0 ] && [ "$FAILED" = 0 ] && VERDICT=PASS
result "$VERDICT" "$DRAIN" "$DRAIN" "first_missing=$FIRST_MISSING settle_s=$SETTLE failed_requests=$FAILED"
