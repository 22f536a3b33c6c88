#!/usr/bin/env bash
# Runs InfluxDB 1.x from Debian (apt-get install influxdb) on loopback as the benchmark yardstick.
#
#   scripts/bench/influxdb.sh start [--dir DIR]   start influxd on 127.0.0.1:$INFLUXDB_PORT (default 18086)
#   scripts/bench/influxdb.sh stop  [--dir DIR]   stop it (by pid)
#   scripts/bench/influxdb.sh url                 print its URL
#
# Its data, config, log and pid file live in DIR (default ./var/influxdb). Nothing else is touched.
# The config turns [monitor] store-enabled and [continuous_queries] off; influxd's own environment
# overrides, INFLUXDB_<SECTION>_<KEY> (e.g. INFLUXDB_CONTINUOUS_QUERIES_ENABLED=true), win over it.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="$REPO/var/influxdb"
PORT="${INFLUXDB_PORT:-18086}"
CMD="${1:-}"; shift || true
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    *) echo "influxdb.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
PIDFILE="$DIR/influxd.pid"

running_pid() {
  [ -f "$PIDFILE" ] || return 1
  local pid; pid="$(cat "$PIDFILE")"
  if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF "$DIR/influxdb.conf"; then
    echo "$pid"; return 0
  fi
  rm -f "$PIDFILE"; return 1
}

case "$CMD" in
  start)
    command -v influxd > /dev/null || { echo "influxd not found: apt-get install influxdb" >&2; exit 1; }
    if pid="$(running_pid)"; then echo "influxd already running (pid $pid) at http://127.0.0.1:$PORT"; exit 0; fi
    mkdir -p "$DIR"
    cat > "$DIR/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$((PORT + 2))"
[meta]
  dir = "$DIR/meta"
[data]
  dir = "$DIR/data"
  wal-dir = "$DIR/wal"
  query-log-enabled = false
[http]
  bind-address = "127.0.0.1:$PORT"
  log-enabled = false
[monitor]
  store-enabled = false
[continuous_queries]
  enabled = false
CONF
    nohup influxd -config "$DIR/influxdb.conf" > "$DIR/influxd.log" 2>&1 < /dev/null &
    echo $! > "$PIDFILE"
    for _ in $(seq 1 100); do
      curl -sf -o /dev/null "http://127.0.0.1:$PORT/ping" && { echo "influxd running (pid $(cat "$PIDFILE")) at http://127.0.0.1:$PORT"; exit 0; }
      sleep 0.2
    done
    echo "influxd did not answer /ping; see $DIR/influxd.log" >&2; exit 1 ;;
  stop)
    if pid="$(running_pid)"; then
      kill -TERM "$pid"
      for _ in $(seq 1 100); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
      [ -d "/proc/$pid" ] && kill -KILL "$pid"
      rm -f "$PIDFILE"; echo "stopped influxd (pid $pid)"
    else
      echo "influxd is not running"
    fi ;;
  url) echo "http://127.0.0.1:$PORT" ;;
  *) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
