#!/usr/bin/env bash
# D3: hinted-handoff overflow. A small [hinted-handoff] max-size; both owners of the drill shard go
# down and the third node, coordinating at consistency any, queues until the queues are full: then
# writes are rejected with "queue is full" (the level requires a queued copy). Owners come back,
# hinted handoff drains, anti-entropy fills what one owner's full queue could not hold.
# Pass: rejections happened, and nothing acknowledged is lost on any owner (never a silent loss).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OUTAGE=30
drill_init d3 30400 "$@"
short_defaults 2000 10
export SHARDLINE_HINTED_HANDOFF_MAX_SIZE=512k SHARDLINE_ANTI_ENTROPY_CHECK_INTERVAL=2s \
  SHARDLINE_ANTI_ENTROPY_SETTLE_WINDOW=2s SHARDLINE_HINTED_HANDOFF_RETRY_MAX_INTERVAL=1s
cluster_up
query data1 "CREATE DATABASE drill WITH REPLICATION 2" > /dev/null
shardline drill write --url "$(url data1)" --rate 100 --duration 1s --log "$LOGS/w0.log" --writer w0 > /dev/null
read -r -a OWNER_LIST <<< "$(shard_owners | tr '\n' ' ')"
OWNERS="${OWNER_LIST[*]}"
COORD=""
for n in $(cluster status | awk '$1 ~ /^data/ {print $1}'); do
  case " $OWNERS " in *" $n "*) ;; *) COORD="$n" ;; esac
done
[ -n "$COORD" ] || { echo "   cannot find a data node that does not own the drill shard (owners: $OWNERS)"; exit 1; }
drill_schedule "owners [$OWNERS] down for ${OUTAGE}s while $COORD takes writes at consistency any (max-size 512k)"
for n in $OWNERS; do cluster kill "$n" > /dev/null; done; event "killed $OWNERS"
shardline drill write --url "$(url "$COORD")" --rate "$RATE" --consistency any --duration "${OUTAGE}s" \
  --log "$LOGS/w1.log" > "$DIR/writer.out"
sed 's/^/   /' "$DIR/writer.out"
REJECTED="$(awk '$6 == "failed" && $7 == 500' "$LOGS/w1.log" | wc -l)"
for n in $OWNERS; do cluster start "$n" > /dev/null; done; event "restarted $OWNERS"
DRAIN="$(await_drained 300)"; event "hinted handoff drained in ${DRAIN}s"
CONV="$(await_converged 300)"; event "anti-entropy converged in ${CONV}s"
check
VERDICT=FAIL; [ "$LOST" = 0 ] && [ "$UNEXPECTED" = 0 ] && [ "$REJECTED" -gt 0 ] && VERDICT=PASS
result "$VERDICT" "$CONV" "$DRAIN" "rejected_requests=$REJECTED"
