#!/usr/bin/env bash
# D5: kill -9 the node holding a large hinted-handoff queue while it drains; restart it.
# Pass: the queue survives and finishes draining; nothing acknowledged is lost.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OUTAGE=40
drill_init d5 30800 "$@"
if [ "$SHORT" = 1 ]; then RATE=2000; OUTAGE=10; fi
export SHARDLINE_HINTED_HANDOFF_RETRY_RATE_LIMIT=262144
cluster up --meta 3 --data 3 > "$DIR/up.log"
query data1 "CREATE DATABASE drill WITH REPLICATION 2" > /dev/null
echo "   schedule: data2 down ${OUTAGE}s while data1 coordinates; data2 back; kill -9 data1 mid-drain; restart"
cluster kill data2 > /dev/null; event "killed data2"
shardline drill write --url "$(url data1)" --rate "$RATE" --duration "${OUTAGE}s" --log "$LOGS/w1.log" \
  > "$DIR/writer.out"
sed 's/^/   /' "$DIR/writer.out"
event "queued bytes before data2 returns: $(queued_bytes)"
cluster start data2 > /dev/null; event "restarted data2 (replay throttled to 256 KB/s)"
sleep 2
cluster kill data1 > /dev/null; event "killed data1, the queue holder, mid-drain"
cluster start data1 > /dev/null; event "restarted data1"
DRAIN="$(await_drained 300)"; event "hinted handoff drained in ${DRAIN}s after the holder restarted"
check
VERDICT=FAIL; [ "$LOST" = 0 ] && [ "$UNEXPECTED" = 0 ] && [ "$DRAIN" != "-1" ] && VERDICT=PASS
result "$VERDICT" "$DRAIN" "$DRAIN"
