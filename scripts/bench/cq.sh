#!/usr/bin/env bash
# Continuous queries side by side with InfluxDB 1.6.7 (docs/benchmarks.md, "Continuous queries"): the
# same CQ downsampling SERIES series into 1-minute means, run every minute by each system's own
# continuous-query service on the same data; per system the run time of each CQ run and the server CPU
# one run costs, then the ratios Shardline / InfluxDB. Shardline is one meta and one data node (RF 1),
# InfluxDB one influxd; the two run one after the other, never at the same time.
#
#   scripts/bench/cq.sh [--dir DIR]
#
# Per system, on a fresh server:
#  1. database bench (autogen) and retention policy rollup; HISTORY points per series backfilled with
#     `shardline bench write` (the cpu data set: SERIES series, fields usage_user, usage_system and the
#     integer usage_count, 10 s apart, ending now).
#  2. a background writer continues those very series: every STEP seconds, on the STEP boundary, one
#     point per series stamped with that boundary (values a function of series and time, so both systems
#     get the identical stream), for the whole run; every answer must be 204.
#  3. at the next half minute:
#       CREATE CONTINUOUS QUERY cq_1m ON bench BEGIN SELECT mean(*) INTO bench.rollup.:MEASUREMENT
#         FROM bench.autogen./.*/ GROUP BY time(1m), * END
#     WARMUP runs (not counted), then RUNS counted runs on the minute boundaries of a window from half
#     minute to half minute; then DROP CONTINUOUS QUERY and a second window of the same length with the
#     same writer load and no CQ.
#  4. run time: the server's own per-run record, `cq_query` in _internal.monitor (field durationNs, with
#     [continuous_queries] query-stats-enabled and [monitor] store-enabled on both systems), of the runs
#     inside the first window: there must be exactly RUNS, each with pointsWrittenOK = SERIES, and
#     `count(mean_usage_user) ... GROUP BY time(1m)` in bench.rollup must be SERIES in every bucket they
#     computed, or the script fails.
#  5. CPU per run: utime + stime (/proc/PID/stat) of the server over the CQ window minus the same over the
#     no-CQ window, divided by RUNS; both windows see the same writer load, monitor store and the like, so
#     what is left is the CQ (a difference of two noisy sums: use a quiet machine and RUNS >= 5). For
#     Shardline both the data node alone and data plus meta node (the CQ records each run in the meta
#     store; influxd keeps it in memory) are shown.
#
# Environment: SERIES (default 1000), RUNS (default 5), WARMUP (default 1), STEP (seconds between the
# writer's rounds, default 10), HISTORY (points per series backfilled, default 360: one hour),
# BASE_PORT (Shardline's port layout, default 27000), INFLUXDB_PORT (default 27886; it also uses +2).
# Everything lives under DIR (default /tmp/bench-cq), deleted at the end unless KEEP=1; processes are
# stopped by pid only. Takes about 2 x (2 x RUNS + WARMUP + 2) minutes.
# Its default ports are its own, below Linux's ephemeral range; every bench script's range: docs/benchmarks.md.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR=/tmp/bench-cq
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    *) echo "cq.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
SERIES="${SERIES:-1000}"
RUNS="${RUNS:-5}"
WARMUP="${WARMUP:-1}"
STEP="${STEP:-10}"
HISTORY="${HISTORY:-360}"
BASE="${BASE_PORT:-27000}"
IPORT="${INFLUXDB_PORT:-27886}"
SURL="http://127.0.0.1:$((BASE + 106))"
IURL="http://127.0.0.1:$IPORT"
HZ="$(getconf CLK_TCK)"
CQ='CREATE CONTINUOUS QUERY cq_1m ON bench BEGIN SELECT mean(*) INTO bench.rollup.:MEASUREMENT FROM bench.autogen./.*/ GROUP BY time(1m), * END'
WRITER_PID=""

cluster() { "$REPO/scripts/cluster.sh" "$@" --dir "$DIR/cluster"; }
influx() { INFLUXDB_PORT="$IPORT" "$REPO/scripts/bench/influxdb.sh" "$@" --dir "$DIR/influxdb"; }
stop_writer() {
  if [ -n "$WRITER_PID" ]; then kill "$WRITER_PID" 2> /dev/null || true; wait "$WRITER_PID" 2> /dev/null || true; fi
  WRITER_PID=""
}
cleanup() {
  stop_writer
  cluster down > /dev/null 2>&1 || true
  influx stop > /dev/null 2>&1 || true
  [ "${KEEP:-0}" = 1 ] && echo "kept $DIR" || rm -rf "$DIR"
}
trap cleanup EXIT
die() { echo "cq.sh: $*" >&2; exit 1; }

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# CPU clock ticks (utime + stime) of the pids, all of them and the first alone, from one reading each.
ticks() {
  local p v t=0 first=""
  for p in "$@"; do v="$(awk '{ print $14 + $15 }' "/proc/$p/stat")"; t=$((t + v)); first="${first:-$v}"; done
  echo "$t $first"
}
# Sleeps until the wall clock reaches epoch second $1.
sleep_until() { sleep "$(awk -v t="$1" -v n="$(date +%s.%N)" 'BEGIN { d = t - n; printf "%.3f", (d > 0 ? d : 0) }')"; }
# The next half minute at least 5 s away.
next_half_minute() { local now m; now="$(date +%s)"; m=$((now / 60 * 60 + 30)); [ "$m" -ge $((now + 5)) ] || m=$((m + 60)); echo "$m"; }
# Runs one InfluxQL statement; fails on an HTTP error or an "error" in the answer. Prints the JSON.
query() {
  local url="$1" out; shift
  out="$(curl -sS -f -XPOST "$url/query?epoch=ns" "$@")" || die "query failed at $url: $*"
  if jq -e '.. | objects | select(has("error"))' <<< "$out" > /dev/null; then die "query error at $url: $out"; fi
  echo "$out"
}

# One round of the live stream: SERIES points stamped $1 (epoch seconds), the keys of the cpu data set.
round() {
  awk -v n="$SERIES" -v t="$1" 'BEGIN {
    split("us-west-1 us-east-1 eu-central-1 ap-south-1", r, " ")
    for (s = 0; s < n; s++)
      printf "cpu,dc=dc-%d,host=server-%05d,region=%s usage_user=%.2f,usage_system=%.2f,usage_count=%di %d\n",
        s % 7, s, r[s % 4 + 1], ((s * 37 + t * 11) % 10000) / 100, ((s * 53 + t * 7) % 10000) / 100, (s + t) % 1000, t
  }'
}
writer() {
  local url="$1" t
  while :; do
    t=$(( ($(date +%s) / STEP + 1) * STEP ))
    sleep_until "$t"
    round "$t" | curl -s -o /dev/null -w '%{http_code}\n' -XPOST "$url/write?db=bench&precision=s" \
      --data-binary @- >> "$DIR/$LABEL-writer.txt" || echo failed >> "$DIR/$LABEL-writer.txt"
  done
}

# One side: URL, label, pids whose CPU counts (the first alone is also shown). Appends to results.txt.
side() {
  local url="$1"; LABEL="$2"; shift 2
  local pids=("$@") started half w0 w1 w2 on0 on1 off1 one0 one1 oneoff rows bad s e counts
  query "$url" --data-urlencode 'q=CREATE DATABASE bench' > /dev/null
  query "$url" --data-urlencode 'q=CREATE RETENTION POLICY rollup ON bench DURATION INF REPLICATION 1' > /dev/null
  "$REPO/scripts/shardline" bench write -url "$url" -db bench -no-create -series "$SERIES" -fields 3 \
    -points $((SERIES * HISTORY)) -batch-size 5000 > "$DIR/$LABEL-backfill.txt" 2>&1 \
    || { cat "$DIR/$LABEL-backfill.txt" >&2; die "$LABEL: backfill failed"; }
  : > "$DIR/$LABEL-writer.txt"
  started="$(date +%s)"
  writer "$url" &
  WRITER_PID=$!

  half="$(next_half_minute)"
  sleep_until "$half"
  query "$url" --data-urlencode "q=$CQ" > /dev/null
  w0=$((half + WARMUP * 60)); w1=$((w0 + RUNS * 60)); w2=$((w1 + RUNS * 60))
  echo "$LABEL: CQ created at $(date -u -d "@$half" +%T), counted window $(date -u -d "@$w0" +%T)-$(date -u -d "@$w1" +%T), no-CQ window to $(date -u -d "@$w2" +%T)"
  sleep_until "$w0"; read -r on0 one0 <<< "$(ticks "${pids[@]}")"
  sleep_until "$w1"; read -r on1 one1 <<< "$(ticks "${pids[@]}")"
  query "$url" --data-urlencode 'q=DROP CONTINUOUS QUERY cq_1m ON bench' > /dev/null
  sleep_until "$w2"; read -r off1 oneoff <<< "$(ticks "${pids[@]}")"
  stop_writer

  rows="$(wc -l < "$DIR/$LABEL-writer.txt")"
  [ "$rows" -ge $(( (w2 - started) / STEP - 2 )) ] || die "$LABEL: the writer sent only $rows rounds in $((w2 - started)) s"
  bad="$(grep -cv '^204$' "$DIR/$LABEL-writer.txt" || true)"
  [ "$bad" = 0 ] || die "$LABEL: $bad writer rounds not answered 204: $(grep -v '^204$' "$DIR/$LABEL-writer.txt" | sort | uniq -c | tr '\n' ' ')"
  # The counted runs, as the server recorded them: durationNs pointsWrittenOK startTime endTime.
  query "$url" --data-urlencode "q=SELECT durationNs, pointsWrittenOK, startTime, endTime FROM \"_internal\".\"monitor\".\"cq_query\" WHERE cq = 'cq_1m' AND time >= ${w0}s AND time < ${w1}s" \
    | jq -r '.results[0].series[0].values[]? | "\(.[1]) \(.[2]) \(.[3]) \(.[4])"' > "$DIR/$LABEL-runs.txt"
  rows="$(wc -l < "$DIR/$LABEL-runs.txt")"
  [ "$rows" = "$RUNS" ] || die "$LABEL: $rows cq_query records in the counted window, expected $RUNS (is query-stats-enabled on?)"
  awk -v n="$SERIES" '$2 != n { exit 1 }' "$DIR/$LABEL-runs.txt" \
    || die "$LABEL: a run did not write $SERIES points: $(awk '{ print $2 }' "$DIR/$LABEL-runs.txt" | tr '\n' ' ')"
  s="$(awk '{ print $3 }' "$DIR/$LABEL-runs.txt" | sort -n | head -1)"
  e="$(awk '{ print $4 }' "$DIR/$LABEL-runs.txt" | sort -n | tail -1)"
  counts="$(query "$url" --data-urlencode "q=SELECT count(mean_usage_user) FROM bench.rollup.cpu WHERE time >= $s AND time < $e GROUP BY time(1m)" \
    | jq -r '.results[0].series[0].values[]? | .[1] // 0' | tr '\n' ' ')"
  [ "$(wc -w <<< "$counts")" = "$RUNS" ] && awk -v n="$SERIES" '{ for (i = 1; i <= NF; i++) if ($i != n) exit 1 }' <<< "$counts" \
    || die "$LABEL: bench.rollup.cpu has per-minute counts '$counts', expected $RUNS x $SERIES"
  awk -v label="$LABEL" -v runs="$RUNS" -v hz="$HZ" -v on="$((on1 - on0))" -v off="$((off1 - on1))" \
    -v one="$((one1 - one0))" -v oneoff="$((oneoff - one1))" -v pts="$SERIES" \
    -v dmin="$(awk '{ print $1 / 1e6 }' "$DIR/$LABEL-runs.txt" | sort -g | head -1)" \
    -v dmed="$(awk '{ print $1 / 1e6 }' "$DIR/$LABEL-runs.txt" | median)" \
    -v dmax="$(awk '{ print $1 / 1e6 }' "$DIR/$LABEL-runs.txt" | sort -g | tail -1)" \
    'BEGIN { printf "%s %d %d %.1f %.1f %.1f %.0f %.0f %.0f %.0f\n", label, runs, pts, dmin, dmed, dmax,
      (on - off) * 1000 / hz / runs, (one - oneoff) * 1000 / hz / runs, on * 1000 / hz, off * 1000 / hz }' \
    >> "$DIR/results.txt"
}

command -v jq > /dev/null || die "jq is needed"
[ "$RUNS" -ge 1 ] && [ "$SERIES" -ge 1 ] && [ "$STEP" -ge 1 ] && [ "$STEP" -le 60 ] || die "bad RUNS, SERIES or STEP"
rm -rf "$DIR"
mkdir -p "$DIR"
: > "$DIR/results.txt"
echo "load: $SERIES series, a point per series every $STEP s, $HISTORY points per series backfilled; $RUNS counted runs (+$WARMUP warm-up) per system"

SHARDLINE_BASE_PORT="$BASE" SHARDLINE_ANTI_ENTROPY_ENABLED=false SHARDLINE_HTTP_LOG_ENABLED=false \
  SHARDLINE_DATA_QUERY_LOG_ENABLED=false SHARDLINE_MONITOR_STORE_ENABLED=true \
  SHARDLINE_CONTINUOUS_QUERIES_ENABLED=true SHARDLINE_CONTINUOUS_QUERIES_QUERY_STATS_ENABLED=true \
  "$REPO/scripts/cluster.sh" up --meta 1 --data 1 --dir "$DIR/cluster" > /dev/null
side "$SURL" shardline "$(cluster status | awk '$1 == "data1" { print $2 }')" "$(cluster status | awk '$1 == "meta1" { print $2 }')"
cluster down > /dev/null

INFLUXDB_CONTINUOUS_QUERIES_ENABLED=true INFLUXDB_CONTINUOUS_QUERIES_QUERY_STATS_ENABLED=true \
  INFLUXDB_MONITOR_STORE_ENABLED=true influx start > /dev/null
side "$IURL" influxdb "$(cat "$DIR/influxdb/influxd.pid")"
influx stop > /dev/null

printf '%-10s %5s %11s %27s %11s %13s %19s\n' system runs points/run 'run time ms min/median/max' CPU-ms/run \
  '(data node)' 'CPU-ms CQ / no CQ'
while read -r label runs pts dmin dmed dmax cpu cpu1 on off; do
  printf '%-10s %5s %11s %27s %11s %13s %19s\n' "$label" "$runs" "$pts" "$dmin / $dmed / $dmax" "$cpu" "$cpu1" "$on / $off"
done < "$DIR/results.txt"
echo "(CPU-ms/run: all the system's processes, for Shardline meta plus data node; (data node): Shardline's data node alone)"
awk 'NR == 1 { m = $5; c = $7; d = $8 } NR == 2 {
  printf "shardline/influxdb: run time (median) %.2fx, CPU per run %s, data node alone %s\n", m / $5,
    ($7 > 0 ? sprintf("%.2fx", c / $7) : "n/a (InfluxDB <= 0)"), ($7 > 0 ? sprintf("%.2fx", d / $7) : "n/a") }' \
  "$DIR/results.txt"
