#!/usr/bin/env bash
# D5: kill -9 the node holding a large hinted-handoff queue while it drains; restart it.
# Pass: the queue survives and finishes draining; nothing acknowledged is lost.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OUTAGE=40
drill_init d5 30800 "$@"
short_defaults 2000 10
# Replay throttled so that the queue takes a while to drain (the holder is killed in the middle).
LIMIT=262144; [ "$SHORT" = 1 ] && LIMIT=65536
# Small replay batches, so the rate limit paces the drain instead of one large first batch; a short
# retry backoff, so the replay starts soon after data2 is back.
export SHARDLINE_HINTED_HANDOFF_RETRY_RATE_LIMIT=$LIMIT SHARDLINE_HINTED_HANDOFF_BATCH_SIZE=16k \
  SHARDLINE_HINTED_HANDOFF_RETRY_MAX_INTERVAL=2s
cluster_up
query data1 "CREATE DATABASE drill WITH REPLICATION 2" > /dev/null
drill_schedule "data2 down ${OUTAGE}s while data1 coordinates; data2 back; kill -9 data1 once the drain started; restart"
cluster kill data2 > /dev/null; event "killed data2"
shardline drill write --url "$(url data1)" --rate "$RATE" --duration "${OUTAGE}s" --log "$LOGS/w1.log" \
  > "$DIR/writer.out"
sed 's/^/   /' "$DIR/writer.out"
Q0="$(queued_bytes)"; event "queued bytes before data2 returns: $Q0"
cluster start data2 > /dev/null; event "restarted data2 (replay throttled to $LIMIT bytes/s)"
# Wait (deadline 60 s) until the replay has visibly started, then kill the holder mid-drain.
DEADLINE=$((SECONDS + 60))
while Q="$(queued_bytes)"; [ "$Q" -gt $(( Q0 * 9 / 10 )) ] && [ $SECONDS -lt $DEADLINE ]; do sleep 0.2; done
cluster kill data1 > /dev/null; event "killed data1, the queue holder, with $Q of $Q0 bytes still queued"
cluster start data1 > /dev/null; event "restarted data1"
DRAIN="$(await_drained 300)"; event "hinted handoff drained in ${DRAIN}s after the holder restarted"
settle_and_check 60
VERDICT=FAIL
[ "$LOST" = 0 ] && [ "$UNEXPECTED" = 0 ] && [ "$DRAIN" != "-1" ] && [ "$Q" -gt 0 ] && VERDICT=PASS
result "$VERDICT" "$DRAIN" "$DRAIN" "first_missing=$FIRST_MISSING settle_s=$SETTLE queued_at_kill_bytes=$Q queued_bytes=$Q0"
