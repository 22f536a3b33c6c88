#!/usr/bin/env bash
# D17: a continuous query downsamples live data (10 hosts, one point per host per second, written at the
# current time) into INTERVAL means (1m; 10s with --short) in a second retention policy. The data node
# holding the continuous_querier lease is killed (kill -9) for OUTAGE seconds and restarted, writes going
# on. Pass: every interval from the CQ's creation to the end of the writes exists exactly once per host in
# the target policy with the value mean() gives over the raw data, and another node took the lease over.
# Reports the takeover delay (kill to the first execution by another node) and the intervals late (those
# that ended while no node held the lease, computed by the catch-up run).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
drill_init d17 11400 "$@"
short_defaults 10 15
INTERVAL_S=60; LEASE=10s; RUN=1s; [ "$SHORT" = 1 ] && { INTERVAL_S=10; LEASE=3s; RUN=250ms; }
export SHARDLINE_META_LEASE_DURATION="$LEASE" SHARDLINE_CONTINUOUS_QUERIES_RUN_INTERVAL="$RUN"
HOSTS=10
RATE=$HOSTS   # what the writer below sends (one point per host per second), shown by drill_schedule
drill_schedule "CQ GROUP BY time(${INTERVAL_S}s) with a ${LEASE} lease; write $((2 * INTERVAL_S))s, kill -9 the" \
  "lease holder for ${OUTAGE}s, restart it, write $((2 * INTERVAL_S))s more, then compare"
cluster_up
query data1 "CREATE DATABASE drill WITH REPLICATION 2" > /dev/null
query data1 "CREATE RETENTION POLICY coarse ON drill DURATION INF REPLICATION 2" > /dev/null

# cq_query_stats executions (queryOk) in a data node's /debug/vars; 0 when none or down.
executions() {
  api_curl -sf --max-time 5 "$(url "$1")/debug/vars" 2>/dev/null \
    | grep -o '"name":"cq_query_stats".*' | grep -o '"queryOk":[0-9]*' | head -1 | cut -d: -f2 || true
}
# Writes one point per host per second at the current time until $DIR/stop exists, trying the data
# nodes in turn; counts acknowledged points in $DIR/acked.
writer() {
  local urls=("$(url data1)" "$(url data2)" "$(url data3)") acked=0 t body h u
  while [ ! -f "$DIR/stop" ]; do
    t=$(date +%s); body=""
    for h in $(seq 0 $((HOSTS - 1))); do
      body+="cpu,host=h$h value=$(( (t * 31 + h * 17 + SEED) % 1000 ))"$'\n'
    done
    for u in "${urls[@]}"; do
      if api_curl -sf --max-time 5 -XPOST "$u/write?db=drill&precision=s&consistency=one" \
          --data-binary "$(echo "$body" | sed "/^$/d; s/\$/ $t/")" > /dev/null 2>&1; then
        acked=$((acked + HOSTS)); echo "$acked" > "$DIR/acked"; break
      fi
    done
    sleep 1
  done
}
written_points() { cat "$DIR/acked" 2>/dev/null || echo 0; }

writer & WRITER=$!
sleep 2
CREATED=$(date +%s)
# RESAMPLE FOR two intervals: a point that arrives after its interval ended (the writer stamps it before
# sending) is still counted by the next run, as 1.x users do for late data.
query data2 "CREATE CONTINUOUS QUERY cq ON drill RESAMPLE FOR $((2 * INTERVAL_S))s BEGIN SELECT mean(value) INTO \
drill.coarse.cpu_mean FROM cpu GROUP BY time(${INTERVAL_S}s), host END" > /dev/null
event "created the continuous query"
sleep $((2 * INTERVAL_S + 2))
HOLDER=""
for n in data1 data2 data3; do [ "$(executions "$n")" -gt 0 ] 2>/dev/null && HOLDER="$n"; done
[ -n "$HOLDER" ] || { event "no node ran the continuous query"; touch "$DIR/stop"; wait "$WRITER";
  ACKED=0 LOST=-1 RECOVERED=0; result FAIL -1 -1 "no_lease_holder"; exit 1; }
T_KILL=$(now_s); KILLED_AT=$(date +%s); cluster kill "$HOLDER" > /dev/null; event "killed lease holder $HOLDER"
TAKEOVER=-1
while [ "$(elapsed "$T_KILL" "$(now_s)" | cut -d. -f1)" -lt $((OUTAGE + 3 * INTERVAL_S)) ]; do
  for n in data1 data2 data3; do
    [ "$n" = "$HOLDER" ] && continue
    if [ "$(executions "$n")" -gt 0 ] 2>/dev/null; then TAKEOVER="$(elapsed "$T_KILL" "$(now_s)")"; TAKER="$n"; fi
  done
  [ "$TAKEOVER" != -1 ] && break
  sleep 0.5
done
event "takeover by ${TAKER:-none} after ${TAKEOVER}s"
REST=$(( OUTAGE - $(elapsed "$T_KILL" "$(now_s)" | cut -d. -f1) )); [ "$REST" -gt 0 ] && sleep "$REST"
cluster start "$HOLDER" > /dev/null; event "restarted $HOLDER"
sleep $((2 * INTERVAL_S))
touch "$DIR/stop"; wait "$WRITER"; STOPPED=$(date +%s); event "writes stopped"
# Every complete interval of the writes: from the CQ's creation to the last one before the writes stopped.
FROM=$(( CREATED / INTERVAL_S * INTERVAL_S )); TO=$(( STOPPED / INTERVAL_S * INTERVAL_S ))
sleep $(( TO + INTERVAL_S - $(date +%s) > 0 ? TO + INTERVAL_S - $(date +%s) : 0 )); sleep 3
W="WHERE time >= ${FROM}s AND time < ${TO}s"
RAW="$(query data1 "SELECT mean(value) FROM cpu $W GROUP BY time(${INTERVAL_S}s), host fill(none)" drill \
  | sed 's/"name":"cpu"/"name":"X"/g')"
DOWN="$(query data3 "SELECT mean FROM coarse.cpu_mean $W GROUP BY host" drill | sed 's/"name":"cpu_mean"/"name":"X"/g')"
INTERVALS=$(( (TO - FROM) / INTERVAL_S ))
ROWS="$(echo "$DOWN" | grep -o '\["[0-9T:Z-]*",' | wc -l)"
BAD=0; [ "$RAW" = "$DOWN" ] || BAD=1
if [ "$BAD" = 1 ]; then
  rows() { echo "$1" | grep -o '"host":"h[0-9]*"}\|\["[0-9T:Z-]*",[0-9.e+-]*\]' | awk '/host/ {h=$0; next} {print h, $0}'; }
  diff <(rows "$RAW") <(rows "$DOWN") | grep '^[<>]' | head -20 | sed 's/^/   raw < > downsampled: /'
fi
LATE=-1
if [ "$TAKEOVER" != -1 ]; then
  TAKEN_AT=$(echo "$KILLED_AT $TAKEOVER" | awk '{printf "%d", $1 + $2}')
  LATE=$(( TAKEN_AT / INTERVAL_S - KILLED_AT / INTERVAL_S ))
fi
ACKED="$(written_points)"; LOST=$(( INTERVALS * HOSTS - ROWS )); [ "$BAD" = 1 ] && [ "$LOST" = 0 ] && LOST=-1
RECOVERED=0
VERDICT=FAIL; [ "$BAD" = 0 ] && [ "$ROWS" = $((INTERVALS * HOSTS)) ] && [ "$TAKEOVER" != -1 ] && VERDICT=PASS
result "$VERDICT" "$TAKEOVER" 0 "holder=$HOLDER taker=${TAKER:-none} intervals=$INTERVALS rows=$ROWS" \
  "takeover_s=$TAKEOVER intervals_late=$LATE"
