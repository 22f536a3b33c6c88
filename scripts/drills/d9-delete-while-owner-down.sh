#!/usr/bin/env bash
# D9: DELETE while one owner is down, with a tiny hinted-handoff max-age so the delete cannot reach
# it that way; heal; anti-entropy must propagate the tombstone and never bring deleted points back.
# Pass: 0 resurrected points and 0 lost on any owner.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OUTAGE=15
drill_init d9 31200 "$@"
short_defaults 2000 6
export SHARDLINE_HINTED_HANDOFF_MAX_AGE=2s SHARDLINE_HINTED_HANDOFF_PURGE_INTERVAL=1s \
  SHARDLINE_ANTI_ENTROPY_CHECK_INTERVAL=2s SHARDLINE_ANTI_ENTROPY_SETTLE_WINDOW=2s \
  SHARDLINE_ANTI_ENTROPY_AUTO_REPAIR_DIFF=true
cluster_up
query data1 "CREATE DATABASE drill WITH REPLICATION 2" > /dev/null
BASE=$(( ($(date +%s) - 7200) * 1000000000 ))
drill_schedule "write 4s at consistency all, kill -9 one owner, DELETE the first half of the points, keep it down ${OUTAGE}s (hinted-handoff max-age 2s), restart, wait for anti-entropy"
shardline drill write --url "$(url data1),$(url data2),$(url data3)" --rate "$RATE" --duration 4s --consistency all \
  --base "$BASE" --log "$LOGS/w1.log" > "$DIR/writer.out"
sed 's/^/   /' "$DIR/writer.out"
TOTAL="$(written_points)"; HALF=$(( TOTAL / 2 ))
read -r -a OWNER_LIST <<< "$(shard_owners | tr '\n' ' ')"
VICTIM="${OWNER_LIST[$(seeded 2)]}"
CUTOFF=$(( BASE + HALF * 1000000 ))
cluster kill "$VICTIM" > /dev/null; event "killed owner $VICTIM"
DELETER="data1"; [ "$VICTIM" = data1 ] && DELETER=data2
query "$DELETER" "DELETE FROM drill WHERE time < ${CUTOFF}" drill > /dev/null
event "deleted the first $HALF of $TOTAL points through $DELETER"
sleep "$OUTAGE"
cluster start "$VICTIM" > /dev/null; event "restarted $VICTIM (its queued delete expired)"
CONV="$(await_converged "$CONVERGE_LIMIT" --deleted-below "$HALF")"; event "converged in ${CONV}s"
AE="$(await_ae_checks 2 120)"; event "two more anti-entropy comparisons per node in ${AE}s"
PURGED="$(stat_sum writePurged hh)"
check --deleted-below "$HALF"
VERDICT=FAIL
[ "$LOST" = 0 ] && [ "$UNEXPECTED" = 0 ] && [ "$RESURRECTED" = 0 ] && [ "$CONV" != -1 ] && [ "$AE" != -1 ] && VERDICT=PASS
result "$VERDICT" "$CONV" "n/a" "victim=$VICTIM deleted=$HALF resurrected=$RESURRECTED purged_entries=$PURGED"
