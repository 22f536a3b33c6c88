#!/usr/bin/env bash
# Shardline local cluster: one JVM per node (on loopback, or each in its own network namespace with
# --netns), all state under one directory.
#
#   scripts/cluster.sh up [--meta N] [--data M] [--dir DIR]   start (default 3 meta, 2 data, ./var/cluster)
#   scripts/cluster.sh up --secure ...                        the same with auth and TLS everywhere (new dir)
#   scripts/cluster.sh down | status                          stop everything / show every node
#   scripts/cluster.sh kill|stop|start|restart NODE           SIGKILL / SIGTERM / start / stop+start
#   scripts/cluster.sh pause|resume NODE                      SIGSTOP / SIGCONT
#   scripts/cluster.sh logs NODE | url NODE | api NODE        log file / HTTP URL / gRPC address
#   scripts/cluster.sh add-data                               start one more data node
#   scripts/cluster.sh add-meta                               start one more meta node, not joined (add-meta it)
#   scripts/cluster.sh wipe NODE                              delete a stopped node's data directories
#   scripts/cluster.sh start|restart NODE --clock-offset +30s  run the node with its wall clock skewed
#   scripts/cluster.sh up --netns ...                         (root) each node in its own network namespace
#   scripts/cluster.sh partition|isolate|cut|heal|delay|loss|flap|netstat ...  network faults (--netns)
#   scripts/cluster.sh net-clean                              remove the cluster's namespaces, links, rules
#
# Every command takes --dir DIR. SHARDLINE_BASE_PORT (default 17000) moves the whole port layout;
# SHARDLINE_* variables in the environment of up/start/restart/add-data/add-meta reach the nodes as
# config overrides; SHARDLINE_META_META_SERVERS= (empty) with add-data starts a data node in no
# cluster, for shardline-ctl add-data or update-data. SHARDLINE_JAVA_OPTS adds JVM options.
# Processes are handled by pid only.
set -euo pipefail

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPTS/.." && pwd)"
JAR="$REPO/cluster-launcher/target/shardline.jar"
DIR="$REPO/var/cluster"
META_COUNT=3
DATA_COUNT=2
HEALTH_TIMEOUT="${SHARDLINE_HEALTH_TIMEOUT:-90}"
WANT_NETNS=0
WANT_SECURE=0
CLOCK_OFFSET=""

die() { echo "cluster.sh: $*" >&2; exit 1; }

usage() {
  sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  echo
  declare -F net_verb_usage > /dev/null && net_verb_usage
  exit "${1:-0}"
}

# ---- arguments ---------------------------------------------------------------------------------
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) [ $# -ge 2 ] || die "--dir needs a directory"; DIR="$2"; shift 2 ;;
    --dir=*) DIR="${1#--dir=}"; shift ;;
    --meta) [ $# -ge 2 ] || die "--meta needs a number"; META_COUNT="$2"; shift 2 ;;
    --data) [ $# -ge 2 ] || die "--data needs a number"; DATA_COUNT="$2"; shift 2 ;;
    --netns) WANT_NETNS=1; shift ;;
    --secure) WANT_SECURE=1; shift ;;
    --clock-offset) [ $# -ge 2 ] || die "--clock-offset needs a duration like +30s"; CLOCK_OFFSET="$2"; shift 2 ;;
    -h|--help|help) usage 0 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
[ ${#ARGS[@]} -ge 1 ] || usage 2
CMD="${ARGS[0]}"
NODE="${ARGS[1]:-}"
case "$META_COUNT" in ''|*[!0-9]*) die "--meta must be a number" ;; esac
case "$DATA_COUNT" in ''|*[!0-9]*) die "--data must be a number" ;; esac
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
STATE="$DIR/cluster.env"
# shellcheck source=scripts/netns.sh
. "$SCRIPTS/netns.sh"
# shellcheck source=scripts/netfaults.sh
. "$SCRIPTS/netfaults.sh"
if [ -n "$CLOCK_OFFSET" ]; then
  [[ "$CLOCK_OFFSET" =~ ^[+-]?[0-9]+(ms|s|m|h)$ ]] || die "bad --clock-offset '$CLOCK_OFFSET' (use e.g. +30s, -30s, 2m)"
  case "$CMD" in start|restart) ;; *) die "--clock-offset goes with start or restart NODE" ;; esac
fi

# ---- layout ------------------------------------------------------------------------------------
# Each node owns ten ports from BASE + slot*10; the last digit mirrors InfluxDB's port:
#   meta K (slot K):      api ...1 (8091), status ...2, raft ...9 (8089)
#   data K (slot 10+K-1): http ...6 (8086), tcp ...8 (8088)
load_state() {
  if [ -f "$STATE" ]; then
    # shellcheck disable=SC1090
    . "$STATE"
  fi
  BASE="${BASE:-${SHARDLINE_BASE_PORT:-17000}}"
  NODES="${NODES:-}"
  SECURE="${SECURE:-0}"
  net_load
}

# The address a node binds and is reached at: its namespace's address, or 127.0.0.1 on loopback.
node_host() { if net_enabled; then net_node_addr "$1"; else echo 127.0.0.1; fi; }

save_state() {
  printf 'BASE=%s\nNODES="%s"\nSECURE=%s\n' "$BASE" "$NODES" "$SECURE" > "$STATE.tmp" && mv "$STATE.tmp" "$STATE"
}

kind_of() { case "$1" in meta[0-9]*) echo meta ;; data[0-9]*) echo data ;; *) echo "" ;; esac; }
index_of() { echo "${1#meta}" | sed 's/^data//'; }
slot_of() {
  local i; i="$(index_of "$1")"
  if [ "$(kind_of "$1")" = meta ]; then echo "$i"; else echo $((10 + i - 1)); fi
}
port_of() { echo $((BASE + $(slot_of "$1") * 10 + $2)); }
meta_api_port() { port_of "$1" 1; }
meta_status_port() { port_of "$1" 2; }
meta_raft_port() { port_of "$1" 9; }
data_http_port() { port_of "$1" 6; }
data_tcp_port() { port_of "$1" 8; }

node_dir() { echo "$DIR/$1"; }
pid_file() { echo "$DIR/$1/$1.pid"; }
log_file() { echo "$DIR/$1/$1.log"; }
conf_file() { echo "$DIR/$1/$1.toml"; }

known_node() {
  local n
  for n in $NODES; do [ "$n" = "$1" ] && return 0; done
  return 1
}

require_node() {
  [ -n "$NODE" ] || die "$CMD needs a node name (one of: ${NODES:-none})"
  known_node "$NODE" || die "unknown node '$NODE' in $DIR (known: ${NODES:-none})"
}

# ---- processes (by pid only) -------------------------------------------------------------------
# A pid counts only if the process is alive and its command line names this node and this
# cluster's directory, so a recycled pid is never mistaken for a node.
node_pid() {
  local pf pid; pf="$(pid_file "$1")"
  [ -f "$pf" ] || return 1
  pid="$(tr -dc '0-9' < "$pf")"
  if [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "-name $1 " \
     && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$(conf_file "$1")"; then
    echo "$pid"; return 0
  fi
  rm -f "$pf"   # stale: the node died without cleaning up
  return 1
}

proc_state() { awk '{print $3}' "/proc/$1/stat" 2>/dev/null || echo "?"; }

wait_gone() {
  local pid="$1" deadline=$((SECONDS + $2))
  while [ -d "/proc/$pid" ] && [ "$(proc_state "$pid")" != "Z" ]; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.1
  done
  return 0
}

health_url() {
  if [ "$(kind_of "$1")" = meta ]; then echo "$(http_scheme)://$(node_host "$1"):$(meta_status_port "$1")/ping"
  else echo "$(http_scheme)://$(node_host "$1"):$(data_http_port "$1")/ping"; fi
}

# ---- --secure: a throwaway CA, node certificates, secrets, an admin user ------------------------
secure_dir() { echo "$DIR/secure"; }
http_scheme() { if [ "$SECURE" = 1 ]; then echo https; else echo http; fi; }
# curl trusting the cluster's CA when secure (the data nodes' API is then HTTPS).
scurl() { if [ "$SECURE" = 1 ]; then curl --cacert "$(secure_dir)/ca.pem" "$@"; else curl "$@"; fi; }
# scurl as the admin user when secure (a meta node's status port then serves only admins, but /ping).
admin_curl() {
  if [ "$SECURE" = 1 ] && [ -n "${ADMIN_USER:-}" ]; then scurl -u "$ADMIN_USER:$ADMIN_PASSWORD" "$@"; else scurl "$@"; fi
}
random_secret() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32; }

# Creates the CA and the secrets of a new secured cluster (once; kept in DIR/secure, owner only).
secure_init() {
  local sd; sd="$(secure_dir)"
  mkdir -p "$sd"; chmod 700 "$sd"
  [ -f "$sd/ca.pem" ] || java -jar "$JAR" certs ca -dir "$sd" -name "Shardline local CA" > /dev/null \
    || die "cannot create the CA in $sd"
  if [ ! -f "$sd/secrets.env" ]; then
    ( umask 077
      printf 'INTERNAL_SECRET=%s\nJWT_SECRET=%s\nADMIN_USER=admin\nADMIN_PASSWORD=%s\n' \
        "$(random_secret)" "$(random_secret)" "$(random_secret)" > "$sd/secrets.env" )
  fi
}

load_secrets() {
  # shellcheck disable=SC1090
  if [ "$SECURE" = 1 ] && [ -f "$(secure_dir)/secrets.env" ]; then . "$(secure_dir)/secrets.env"; fi
  return 0
}

# The node's certificate (valid for its host name or address, localhost and 127.0.0.1), once.
issue_cert() {
  local node="$1" out; out="$(node_dir "$1")/tls"
  [ -f "$out/$node.pem" ] && return 0
  java -jar "$JAR" certs issue -ca-dir "$(secure_dir)" -name "$node" -host "$(node_host "$node")" -out "$out" \
    > /dev/null || die "cannot issue a certificate for $node"
}

# Creates the admin user through a data node (allowed while no user exists), unless it exists.
ensure_admin() {
  local url; url="https://$(node_host "$1"):$(data_http_port "$1")/query"
  if scurl -sf -o /dev/null --max-time 10 -u "$ADMIN_USER:$ADMIN_PASSWORD" "$url" --data-urlencode "q=SHOW USERS"; then
    return 0
  fi
  scurl -sf -o /dev/null --max-time 10 -XPOST "$url" \
    --data-urlencode "q=CREATE USER \"$ADMIN_USER\" WITH PASSWORD '$ADMIN_PASSWORD' WITH ALL PRIVILEGES" \
    || die "cannot create the admin user through $1"
}

wait_healthy() {
  local node="$1" pid="$2" deadline=$((SECONDS + HEALTH_TIMEOUT))
  until scurl -sf -o /dev/null --max-time 2 "$(health_url "$node")"; do
    if [ ! -d "/proc/$pid" ] || [ "$(proc_state "$pid")" = "Z" ]; then
      echo "cluster.sh: $node (pid $pid) exited during start-up; last log lines:" >&2
      tail -n 15 "$(log_file "$node")" >&2 || true
      rm -f "$(pid_file "$node")"
      return 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "cluster.sh: $node (pid $pid) not healthy after ${HEALTH_TIMEOUT}s; see $(log_file "$node")" >&2
      return 1
    fi
    sleep 0.2
  done
}

# ---- configuration -----------------------------------------------------------------------------
meta_nodes() { local n; for n in $NODES; do [ "$(kind_of "$n")" = meta ] && echo "$n"; done; return 0; }
# The first meta node (not `meta_nodes | head -n 1`: with pipefail, head closing the pipe early kills
# meta_nodes with SIGPIPE once there are several, and set -e ends the script).
first_meta() { local n; for n in $NODES; do [ "$(kind_of "$n")" = meta ] && { echo "$n"; return 0; }; done; return 0; }

# A TOML array of one address per meta node; $1 is the port function (meta_raft_port or meta_api_port).
meta_address_list() {
  local n out=""
  for n in $(meta_nodes); do out="$out${out:+, }\"$(node_host "$n"):$($1 "$n")\""; done
  echo "[$out]"
}

# Meta nodes name every meta node as the initial Raft members ([meta] peers); that is read only on a
# node's first start, the Raft storage keeps the membership after that (a wiped meta node must be
# removed and re-added with remove-meta / add-meta, never restarted as the same member). A meta node
# started by add-meta has no peers: it is in no cluster until shardline-ctl add-meta joins it.
# A data node written while SHARDLINE_META_META_SERVERS is set and empty gets no meta servers: it
# waits for shardline-ctl add-data or update-data, and keeps the servers it is given then.
write_config() {
  local node="$1" unjoined="${2:-}" nd peers servers; nd="$(node_dir "$node")"
  mkdir -p "$nd"
  peers="$(meta_address_list meta_raft_port)"
  [ "$unjoined" = unjoined ] && peers="[]"
  servers="$(meta_address_list meta_api_port)"
  data_unjoined && servers="[]"
  local meta_sec="" data_meta_sec="" data_sec="" http_sec="" tls_sec="" cert key
  if [ "$SECURE" = 1 ]; then
    issue_cert "$node"
    cert="$nd/tls/$node.pem"; key="$nd/tls/$node-key.pem"
    tls_sec="$(printf '[tls]\n  ca-certificate = "%s"' "$(secure_dir)/ca.pem")"
    meta_sec="$(printf '  auth-enabled = true\n  internal-shared-secret = "%s"\n  shared-secret = "%s"\n  https-enabled = true\n  https-certificate = "%s"\n  https-private-key = "%s"' \
      "$INTERNAL_SECRET" "$JWT_SECRET" "$cert" "$key")"
    data_meta_sec="$(printf '  meta-auth-enabled = true\n  meta-internal-shared-secret = "%s"\n  meta-tls-enabled = true' "$INTERNAL_SECRET")"
    data_sec="$(printf '[cluster]\n  https-enabled = true\n  https-certificate = "%s"\n  https-private-key = "%s"' "$cert" "$key")"
    http_sec="$(printf '  auth-enabled = true\n  shared-secret = "%s"\n  https-enabled = true\n  https-certificate = "%s"\n  https-private-key = "%s"' \
      "$JWT_SECRET" "$cert" "$key")"
  fi
  if [ "$(kind_of "$node")" = meta ]; then
    cat > "$(conf_file "$node")" <<EOF
# $node of the local cluster in $DIR (written by scripts/cluster.sh)
hostname = "$(node_host "$node")"

[meta]
  dir = "$nd/meta"
  bind-address = "$(node_host "$node"):$(meta_raft_port "$node")"
  http-bind-address = "$(node_host "$node"):$(meta_api_port "$node")"
  status-bind-address = "$(node_host "$node"):$(meta_status_port "$node")"
  peers = $peers
$meta_sec
$tls_sec
EOF
  else
    cat > "$(conf_file "$node")" <<EOF
# $node of the local cluster in $DIR (written by scripts/cluster.sh)
hostname = "$(node_host "$node")"
bind-address = "$(node_host "$node"):$(data_tcp_port "$node")"

[meta]
  dir = "$nd/meta"
  meta-servers = $servers
$data_meta_sec
$data_sec

[data]
  dir = "$nd/data"
  wal-dir = "$nd/wal"

[hinted-handoff]
  dir = "$nd/hh"

[http]
  bind-address = "$(node_host "$node"):$(data_http_port "$node")"
$http_sec
$tls_sec
EOF
  fi
  # the file holds the secrets when secure: owner only
  if [ "$SECURE" = 1 ]; then chmod 600 "$(conf_file "$node")"; fi
  return 0
}

# Whether a new data node is to start outside the cluster (SHARDLINE_META_META_SERVERS set and empty).
data_unjoined() { [ -n "${SHARDLINE_META_META_SERVERS+set}" ] && [ -z "${SHARDLINE_META_META_SERVERS}" ]; }

ensure_jar() {
  if [ ! -f "$JAR" ]; then
    echo "Building $JAR (first run; takes a minute)..."
    (cd "$REPO" && mvn -B -q -ntp -DskipTests package -pl cluster-launcher -am) || die "build failed"
  fi
}

# Memory per node (docs/operations.md, "Limits"): a data node's heap is 1 GiB, of which its limits give
# request bodies in progress an eighth and queries a quarter; Netty's direct buffers are capped at 256 MiB.
# Should the heap still run out, the node exits at once (and can be restarted) rather than limp on.
# A data node's G1 runs a collection after 5 s without one, so a node whose load has ended gives its grown
# heap back (docs/operations.md, "Memory of a local cluster"); options that kept the heap smaller during a
# load (GCTimeRatio=4, heap free ratios 10/40) cost queries 20-60% of their latency and were not kept.
# A data node's JVM also returns the native memory glibc keeps after RocksDB, the JIT and Netty free it
# (malloc_trim every 5 s, -XX:TrimNativeHeapInterval; JDK 17.0.9 and later, left out on a JVM without it).
# SHARDLINE_JAVA_OPTS comes last, so e.g. SHARDLINE_JAVA_OPTS=-Xmx4g raises the heap.
java_opts() {
  local common="-XX:MaxDirectMemorySize=256m -XX:+ExitOnOutOfMemoryError"
  if [ "$(kind_of "$1")" = meta ]; then echo "-Xms32m -Xmx256m -XX:+UseSerialGC $common ${SHARDLINE_JAVA_OPTS:-}"
  else echo "-Xms64m -Xmx1g -XX:G1PeriodicGCInterval=5000 $(native_trim_opt) $common ${SHARDLINE_JAVA_OPTS:-}"; fi
}

# -XX:TrimNativeHeapInterval=5000 when this java accepts it (an unknown -XX option stops a JVM from starting).
native_trim_opt() {
  if java -XX:TrimNativeHeapInterval=5000 -version > /dev/null 2>&1; then echo "-XX:TrimNativeHeapInterval=5000"; fi
}

# Starts a node that is not running and waits until it answers /ping.
start_node() {
  local node="$1" pid
  if pid="$(node_pid "$node")"; then echo "$node is already running (pid $pid)"; return 0; fi
  [ -f "$(conf_file "$node")" ] || write_config "$node"
  ensure_jar
  net_up
  # The wall-clock offset of this start (none unless --clock-offset): read by Clock.system() in the node.
  local clock=""; [ -n "$CLOCK_OFFSET" ] && clock="-Dshardline.clock.offset=$CLOCK_OFFSET"
  # In a netns cluster `ip netns exec` execs java in the node's namespace, so $! is still java's pid.
  # Two malloc arenas instead of eight per core: RocksDB's native allocations from many threads otherwise
  # spread over arenas that each keep freed memory (MALLOC_ARENA_MAX in the environment overrides it).
  # shellcheck disable=SC2046
  MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" nohup $(net_exec_prefix "$node") java $(java_opts "$node") $clock -jar "$JAR" "$(kind_of "$node")" \
      -config "$(conf_file "$node")" -pidfile "$(pid_file "$node")" -name "$node" \
      >> "$(log_file "$node")" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" > "$(pid_file "$node")"
  wait_healthy "$node" "$pid"
}

# A running node's wall-clock offset ("" when none), from its command line.
clock_offset_of() {
  tr '\0' '\n' < "/proc/$1/cmdline" 2>/dev/null | sed -n 's/^-Dshardline\.clock\.offset=//p'
}

# The meta cluster's node listing (/show-cluster of the first meta node that answers), or nothing.
show_cluster() {
  local n out
  for n in $(meta_nodes); do
    if out="$(admin_curl -sf --max-time 3 "$(http_scheme)://$(node_host "$n"):$(meta_status_port "$n")/show-cluster")"; then
      echo "$out"; return 0
    fi
  done
  return 1
}

# The address a node registers under: a meta node's Raft address, a data node's TCP address.
registered_address() {
  if [ "$(kind_of "$1")" = meta ]; then echo "$(node_host "$1"):$(meta_raft_port "$1")"
  else echo "$(node_host "$1"):$(data_tcp_port "$1")"; fi
}

# Waits until the meta cluster has a leader and lists the node (so ids follow the start order).
wait_registered() {
  local node="$1" deadline=$((SECONDS + HEALTH_TIMEOUT)) want
  want="\"tcpAddr\":\"$(registered_address "$node")\""
  until show_cluster 2>/dev/null | grep -qF -- "$want"; do
    if [ $SECONDS -ge $deadline ]; then
      echo "cluster.sh: $node is not registered with the meta cluster after ${HEALTH_TIMEOUT}s; see $(log_file "$node")" >&2
      return 1
    fi
    sleep 0.2
  done
}

signal_node() {
  local sig="$1" node="$2" pid
  pid="$(node_pid "$node")" || { echo "cluster.sh: $node is not running" >&2; return 1; }
  kill "-$sig" "$pid"
  echo "$pid"
}

stop_node() {
  local node="$1" pid
  pid="$(node_pid "$node")" || { echo "$node is not running"; return 0; }
  [ "$(proc_state "$pid")" = "T" ] && kill -CONT "$pid" 2>/dev/null || true
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_gone "$pid" 15; then
    echo "$node (pid $pid) did not stop within 15s; sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 5 || true
  fi
  rm -f "$(pid_file "$node")"
  echo "stopped $node (pid $pid)"
}

kill_node() {
  local node="$1" pid
  pid="$(node_pid "$node")" || { echo "$node is not running"; return 0; }
  kill -KILL "$pid" 2>/dev/null || true
  wait_gone "$pid" 10 || die "$node (pid $pid) survived SIGKILL"
  rm -f "$(pid_file "$node")"
  echo "killed $node (pid $pid)"
}

# ---- output ------------------------------------------------------------------------------------
addresses() {
  if [ "$(kind_of "$1")" = meta ]; then
    echo "api=$(node_host "$1"):$(meta_api_port "$1") status=$(node_host "$1"):$(meta_status_port "$1") raft=$(node_host "$1"):$(meta_raft_port "$1")"
  else
    echo "http=$(node_host "$1"):$(data_http_port "$1") tcp=$(node_host "$1"):$(data_tcp_port "$1")"
  fi
}

print_table() {
  local n pid state
  printf '%-8s %-8s %-7s %s\n' NODE PID STATE ADDRESSES
  for n in $NODES; do
    if pid="$(node_pid "$n")"; then
      state=up; [ "$(proc_state "$pid")" = "T" ] && state=paused
    else
      pid=-; state=down
    fi
    local clock=""; [ "$pid" != - ] && clock="$(clock_offset_of "$pid")"
    printf '%-8s %-8s %-7s %s%s\n' "$n" "$pid" "$state" "$(addresses "$n")" "${clock:+ clock=$clock}"
  done
}

any_running() {
  local n
  for n in $NODES; do node_pid "$n" > /dev/null && return 0; done
  return 1
}

next_steps() {
  local first_data=""
  for n in $NODES; do [ "$(kind_of "$n")" = data ] && { first_data="$n"; break; }; done
  echo
  echo "Cluster state, configs and logs: $DIR"
  if [ "$SECURE" = 1 ]; then secure_next_steps "$first_data"; return 0; fi
  echo "Try:"
  if [ -n "$first_data" ]; then
    local url="http://$(node_host "$first_data"):$(data_http_port "$first_data")"
    echo "  curl -i $url/ping"
    echo "  curl -XPOST '$url/query' --data-urlencode 'q=CREATE DATABASE mydb'"
    echo "  curl -XPOST '$url/write?db=mydb' --data-binary 'cpu,host=a value=0.5'"
    echo "  curl -G '$url/query?db=mydb' --data-urlencode 'q=SELECT * FROM cpu'"
  fi
  local first_meta=""
  for n in $NODES; do [ "$(kind_of "$n")" = meta ] && { first_meta="$n"; break; }; done
  [ -n "$first_meta" ] && echo "  scripts/shardline-ctl -bind $(node_host "$first_meta"):$(meta_api_port "$first_meta") show"
  echo "  scripts/cluster.sh status        # every node, up or down"
  echo "  scripts/cluster.sh logs data1    # a node's log"
  echo "  scripts/cluster.sh kill data1    # then: scripts/cluster.sh start data1"
  echo "  scripts/cluster.sh down          # stop the cluster (data is kept)"
}

secure_next_steps() {
  local host port meta ca; ca="$(secure_dir)/ca.pem"
  host="$(node_host "$1")"; port="$(data_http_port "$1")"
  meta="$(first_meta)"
  echo "Secured: users, internal tokens and TLS everywhere. CA: $ca; secrets: $(secure_dir)/secrets.env"
  echo "Admin user: $ADMIN_USER, password: $ADMIN_PASSWORD"
  echo "Try:"
  echo "  export SSL_CERT_FILE=$ca   # trust the cluster's CA (curl, shardline-ctl, shardline bench/import)"
  echo "  curl -u $ADMIN_USER:$ADMIN_PASSWORD https://$host:$port/query --data-urlencode 'q=CREATE DATABASE mydb'"
  echo "  curl -u $ADMIN_USER:$ADMIN_PASSWORD -XPOST 'https://$host:$port/write?db=mydb' --data-binary 'cpu,host=a value=0.5'"
  echo "  influx -ssl -unsafeSsl -host $host -port $port -username $ADMIN_USER -password '$ADMIN_PASSWORD'"
  echo "  python3 -c \"from influxdb import InfluxDBClient; c = InfluxDBClient('$host', $port, '$ADMIN_USER', '$ADMIN_PASSWORD', ssl=True, verify_ssl='$ca'); print(c.get_list_database())\""
  echo "  scripts/shardline-ctl -bind $(node_host "$meta"):$(meta_api_port "$meta") -bind-tls -auth-type basic -user $ADMIN_USER -pwd '$ADMIN_PASSWORD' show"
  echo "  curl -u $ADMIN_USER:$ADMIN_PASSWORD https://$(node_host "$meta"):$(meta_status_port "$meta")/status   # a meta node's status port (admins only)"
  echo "  scripts/cluster.sh down          # stop the cluster (data is kept)"
}

# ---- commands ----------------------------------------------------------------------------------
load_state
load_secrets
case "$CMD" in
  up)
    [ "$WANT_NETNS" = 0 ] || net_enabled || [ -z "$NODES" ] \
      || die "$DIR holds a cluster on loopback; --netns needs a new directory (or down and delete this one)"
    [ "$WANT_SECURE" = 0 ] || [ "$SECURE" = 1 ] || [ -z "$NODES" ] \
      || die "$DIR holds a cluster without --secure; --secure needs a new directory (or down and delete this one)"
    if [ -z "$NODES" ]; then
      [ "$WANT_NETNS" = 0 ] || net_create_state
      [ "$WANT_SECURE" = 0 ] || SECURE=1
      [ "$META_COUNT" -ge 1 ] || die "--meta must be at least 1"
      [ "$META_COUNT" -le 9 ] || die "--meta must be at most 9"
      [ "$DATA_COUNT" -le 89 ] || die "--data must be at most 89"
      for i in $(seq 1 "$META_COUNT"); do NODES="$NODES meta$i"; done
      for i in $(seq 1 "$DATA_COUNT"); do NODES="$NODES data$i"; done
      NODES="${NODES# }"
      save_state
    elif any_running; then
      echo "The cluster in $DIR is already running; nothing changed."
      print_table
      exit 0
    fi
    ensure_jar
    if [ "$SECURE" = 1 ]; then secure_init; load_secrets; fi
    net_up
    for n in $NODES; do [ -f "$(conf_file "$n")" ] || write_config "$n"; done
    started=""
    fail_up() { echo "cluster.sh: $1 failed to start; stopping what started" >&2
                for s in $started; do stop_node "$s" > /dev/null; done; exit 1; }
    # Meta nodes first; once every one is registered with a leader, data nodes one by one (ids 4, 5, ...).
    for n in $(meta_nodes); do start_node "$n" || fail_up "$n"; started="$n $started"; done
    for n in $(meta_nodes); do wait_registered "$n" || fail_up "$n"; done
    for n in $NODES; do
      [ "$(kind_of "$n")" = data ] || continue
      start_node "$n" || fail_up "$n"
      started="$n $started"
      wait_registered "$n" || fail_up "$n"
    done
    if [ "$SECURE" = 1 ]; then
      for n in $NODES; do if [ "$(kind_of "$n")" = data ]; then ensure_admin "$n"; break; fi; done
    fi
    print_table
    next_steps
    ;;
  down)
    pids=""
    for n in $NODES; do
      if pid="$(node_pid "$n")"; then
        [ "$(proc_state "$pid")" = "T" ] && kill -CONT "$pid" 2>/dev/null || true
        kill -TERM "$pid" 2>/dev/null || true
        pids="$pids $n:$pid"
      fi
    done
    for np in $pids; do
      n="${np%%:*}"; pid="${np##*:}"
      if ! wait_gone "$pid" 15; then
        echo "$n (pid $pid) did not stop within 15s; sending SIGKILL" >&2
        kill -KILL "$pid" 2>/dev/null || true
        wait_gone "$pid" 5 || true
      fi
      rm -f "$(pid_file "$n")"
      echo "stopped $n (pid $pid)"
    done
    [ -n "$pids" ] || echo "No node of $DIR is running."
    # The network goes with the nodes (also what a crashed script or kill -9 left behind).
    if net_enabled || { [ "$(id -u)" = 0 ] && [ -n "$(net_namespaces)$(net_links)" ]; }; then net_clean; fi
    ;;
  net-clean)
    running=""; for n in $NODES; do pid="$(node_pid "$n")" && running="$running $n:$pid"; done
    [ -z "$running" ] || die "nodes of $DIR are running ($running ); stop them with: scripts/cluster.sh down --dir $DIR"
    net_clean
    ;;
  partition|isolate|cut|heal|delay|loss|flap|netstat) net_verb "${ARGS[@]:1}" ;;
  status)
    [ -n "$NODES" ] || die "no cluster in $DIR (run: scripts/cluster.sh up)"
    print_table
    net_status_lines
    ;;
  kill) require_node; kill_node "$NODE" ;;
  stop) require_node; stop_node "$NODE" ;;
  start) require_node; start_node "$NODE"; print_table ;;
  restart) require_node; stop_node "$NODE"; start_node "$NODE"; print_table ;;
  pause) require_node; pid="$(signal_node STOP "$NODE")" && echo "paused $NODE (pid $pid)" ;;
  resume) require_node; pid="$(signal_node CONT "$NODE")" && echo "resumed $NODE (pid $pid)" ;;
  logs) require_node; cat "$(log_file "$NODE")" ;;
  url)
    require_node
    if [ "$(kind_of "$NODE")" = meta ]; then echo "$(http_scheme)://$(node_host "$NODE"):$(meta_status_port "$NODE")"
    else echo "$(http_scheme)://$(node_host "$NODE"):$(data_http_port "$NODE")"; fi
    ;;
  api)
    require_node
    if [ "$(kind_of "$NODE")" = meta ]; then echo "$(node_host "$NODE"):$(meta_api_port "$NODE")"
    else echo "$(node_host "$NODE"):$(data_tcp_port "$NODE")"; fi
    ;;
  add-data)
    [ -n "$NODES" ] || die "no cluster in $DIR (run: scripts/cluster.sh up)"
    i=1; while known_node "data$i"; do i=$((i + 1)); done
    [ "$i" -le 89 ] || die "at most 89 data nodes"
    NODES="$NODES data$i"; save_state
    write_config "data$i"
    start_node "data$i"
    if data_unjoined; then
      print_table
      echo
      echo "data$i is running in no cluster; join it with one of:"
      echo "  scripts/shardline-ctl -bind $(node_host "$(first_meta)"):$(meta_api_port "$(first_meta)") add-data $(node_host "data$i"):$(data_tcp_port "data$i")"
      echo "  scripts/shardline-ctl -bind $(node_host "$(first_meta)"):$(meta_api_port "$(first_meta)") update-data OLD-TCP-ADDRESS $(node_host "data$i"):$(data_tcp_port "data$i")"
    else
      wait_registered "data$i"
      print_table
    fi
    ;;
  add-meta)
    [ -n "$NODES" ] || die "no cluster in $DIR (run: scripts/cluster.sh up)"
    i=1; while known_node "meta$i"; do i=$((i + 1)); done
    [ "$i" -le 9 ] || die "at most 9 meta nodes"
    bind="$(meta_api_port "$(first_meta)")"
    NODES="$NODES meta$i"; save_state
    write_config "meta$i" unjoined
    start_node "meta$i"
    print_table
    echo
    echo "meta$i is running in no cluster; join it with:"
    echo "  scripts/shardline-ctl -bind $(node_host "$(first_meta)"):$bind add-meta $(node_host "meta$i"):$(meta_api_port "meta$i")"
    ;;
  wipe)
    require_node
    if pid="$(node_pid "$NODE")"; then die "$NODE is running (pid $pid); stop or kill it first"; fi
    nd="$(node_dir "$NODE")"
    rm -rf "$nd/data" "$nd/wal" "$nd/hh" "$nd/meta"
    echo "wiped $NODE (deleted $nd/{data,wal,hh,meta}; config and log kept)"
    ;;
  *) echo "cluster.sh: unknown command '$CMD'" >&2; usage 2 ;;
esac
