#!/usr/bin/env bash
# D6: kill -9 the meta leader while writes keep opening new shard groups (1h groups, timestamps
# advancing an hour of data time per second). Reports the time until a new leader and the window
# in which writes failed. Pass: nothing acknowledged is lost.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OUTAGE=20
drill_init d6 31000 "$@"
short_defaults 1000 8
META_NODES=3   # the drill kills the meta leader
PRE=4
cluster_up
query data1 "CREATE DATABASE drill WITH REPLICATION 2 SHARD DURATION 1h NAME hourly" > /dev/null
STEP=$(( 3600000000000 / RATE ))
BASE=$(( ($(date +%s) - 90 * 86400) * 1000000000 ))
drill_schedule "write ${PRE}s opening a new 1h shard group every second of data time, kill -9 the meta leader, write ${OUTAGE}s more"
shardline drill write --url "$(url data1),$(url data2),$(url data3)" --rate "$RATE" --step "$STEP" --base "$BASE" \
  --duration "$(( PRE + OUTAGE ))s" --log "$LOGS/w1.log" > "$DIR/writer.out" &
WRITER=$!
sleep "$PRE"
LEADER_RAFT="$(api_curl -sf "$(url meta1)/status" | grep -o '"leader":"[^"]*"' | cut -d'"' -f4)"
LEADER="meta$(( (${LEADER_RAFT##*:} - SHARDLINE_BASE_PORT - 9) / 10 ))"
T1=$(date +%s%3N); cluster kill "$LEADER" > /dev/null; event "killed meta leader $LEADER ($LEADER_RAFT)"
OTHER=meta1; [ "$LEADER" = meta1 ] && OTHER=meta2
DEADLINE=$((SECONDS + 120))
until NEW="$(api_curl -sf --max-time 1 "$(url "$OTHER")/status" | grep -o '"leader":"[^"]*"' | cut -d'"' -f4)" \
      && [ -n "$NEW" ] && [ "$NEW" != "$LEADER_RAFT" ]; do
  [ $SECONDS -lt $DEADLINE ] || { echo "   no new meta leader within 120s"; NEW=none; break; }
  sleep 0.1
done
T2=$(date +%s%3N); ELECTION="$(awk -v a="$T1" -v b="$T2" 'BEGIN {printf "%.2f", (b - a) / 1000}')"
event "new leader $NEW after ${ELECTION}s"
wait "$WRITER"; sed 's/^/   /' "$DIR/writer.out"
cluster start "$LEADER" > /dev/null; event "restarted $LEADER"
WINDOW="$(awk -v t="$T1" '$6 != "ok" && $9 >= t {if (!f) f = $9; l = $9 + $8} END {if (f) printf "%.2f", (l - f) / 1000; else print 0}' "$LOGS/w1.log")"
NGROUPS="$(query data1 "SHOW SHARD GROUPS" | grep -o '"hourly"' | wc -l)"
DRAIN="$(await_drained 300)"
settle_and_check 60
VERDICT=FAIL; [ "$LOST" = 0 ] && [ "$UNEXPECTED" = 0 ] && [ "$NEW" != none ] && VERDICT=PASS
MAXLAT="$(awk -v t="$T1" '$9 >= t && $8 > m {m = $8} END {print m + 0}' "$LOGS/w1.log")"
result "$VERDICT" "$ELECTION" "$DRAIN" "first_missing=$FIRST_MISSING settle_s=$SETTLE new_leader_s=$ELECTION write_unavailable_s=$WINDOW max_write_latency_after_kill_ms=$MAXLAT shard_groups=$NGROUPS"
