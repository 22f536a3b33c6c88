#!/usr/bin/env bash
# D4: hinted-handoff expiry. A small [hinted-handoff] max-age; one data node is down for longer, so
# queued writes are purged (counted in hh.writePurged); when it returns, anti-entropy restores the
# gap by itself (auto-repair-diff), without a manual command. Pass: 0 lost, purges happened.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OUTAGE=40
drill_init d4 30600 "$@"
short_defaults 2000 6
export SHARDLINE_HINTED_HANDOFF_MAX_AGE=3s SHARDLINE_HINTED_HANDOFF_PURGE_INTERVAL=1s \
  SHARDLINE_ANTI_ENTROPY_CHECK_INTERVAL=2s SHARDLINE_ANTI_ENTROPY_SETTLE_WINDOW=2s \
  SHARDLINE_ANTI_ENTROPY_AUTO_REPAIR_DIFF=true
cluster_up
query data1 "CREATE DATABASE drill WITH REPLICATION 2" > /dev/null
VICTIM="$(pick_owner)"
drill_schedule "kill -9 $VICTIM for ${OUTAGE}s with max-age 3s while writing, then wait for anti-entropy"
cluster kill "$VICTIM" > /dev/null; event "killed $VICTIM"
shardline drill write --url "$(url data1),$(url data2),$(url data3)" --rate "$RATE" --duration "${OUTAGE}s" \
  --log "$LOGS/w1.log" > "$DIR/writer.out"
sed 's/^/   /' "$DIR/writer.out"
PURGED="$(stat_sum writePurged hh)"
event "hinted-handoff entries purged by max-age: $PURGED"
cluster start "$VICTIM" > /dev/null; event "restarted $VICTIM"
CONV="$(await_converged "$CONVERGE_LIMIT")"; event "anti-entropy restored every acknowledged point in ${CONV}s"
check
VERDICT=FAIL; [ "$LOST" = 0 ] && [ "$UNEXPECTED" = 0 ] && [ "$PURGED" -gt 0 ] && [ "$CONV" != -1 ] && VERDICT=PASS
result "$VERDICT" "$CONV" "n/a" "victim=$VICTIM purged_entries=$PURGED"
