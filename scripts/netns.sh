# shellcheck shell=bash
# Network plumbing of `scripts/cluster.sh up --netns`, sourced by cluster.sh (needs its DIR, NODES,
# kind_of, index_of, pid_file, die). Every node runs in its own Linux network namespace with its own
# address from 198.18.0.0/15 (RFC 2544's benchmarking range; no other range is ever used), joined by
# one bridge on which the host has the address .1, so curl, shardline-ctl and the drill tools work
# from the host as usual. 127.0.0.1 traffic is never touched.
#
# Everything created carries the cluster's identity NET_ID (6 hex digits of the cluster directory's
# path), so several clusters coexist and `down` / `net-clean` remove exactly their own:
#   namespaces   slnet-<id>-<node>             (nftables/iptables rules and qdiscs live inside them)
#   bridge       sl<id>-br, host-side veths sl<id>-m1, sl<id>-d2, ...
#   processes    flappers and delayers, whose command lines carry the tag slnet-<id>-<node>
# Nothing is added to the host's own firewall or routes other than the bridge's connected /24.
# $DIR/net.env records the identity and subnet before anything is created, so a crashed script
# (or kill -9 of everything) can still be cleaned up; faults in force are in $DIR/net.faults.
# The fault verbs themselves are in scripts/netfaults.sh.

NET_ENV="$DIR/net.env"
NET_FAULTS="$DIR/net.faults"
NET_ID="$(printf '%s' "$DIR" | sha1sum | cut -c1-6)"
NET_BRIDGE="sl$NET_ID-br"
NET_TABLE="slnet_$NET_ID"
NETNS=0
NET_SUBNET=""

net_load() {
  if [ -f "$NET_ENV" ]; then
    # shellcheck disable=SC1090
    . "$NET_ENV"
  fi
}

# Whether this cluster runs in network namespaces.
net_enabled() { [ "$NETNS" = 1 ]; }

net_require_root() {
  [ "$(id -u)" = 0 ] || die "--netns needs root (network namespaces, veth links, nftables); run it as root, e.g. with sudo"
}

# Installs the Debian packages that provide the given commands, for those that are missing.
# Pairs: command:package.
net_install() {
  local pair missing=""
  for pair in "$@"; do
    command -v "${pair%%:*}" > /dev/null 2>&1 || missing="$missing ${pair##*:}"
  done
  [ -n "$missing" ] || return 0
  command -v apt-get > /dev/null 2>&1 || die "missing:$missing (install these packages; apt-get not found)"
  echo "cluster.sh: installing$missing from Debian"
  export DEBIAN_FRONTEND=noninteractive
  # shellcheck disable=SC2086
  if ! apt-get install -y -qq --no-install-recommends $missing > "$DIR/net-install.log" 2>&1; then
    apt-get update -qq >> "$DIR/net-install.log" 2>&1 || true
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >> "$DIR/net-install.log" 2>&1 \
      || die "cannot install$missing; see $DIR/net-install.log"
  fi
}

net_require_tools() {
  net_require_root
  net_install ip:iproute2 nft:nftables
  ip netns list > /dev/null 2>&1 || die "this kernel or container does not allow network namespaces (ip netns list failed)"
}

# ---- names and addresses -----------------------------------------------------------------------
net_ns() { echo "slnet-$NET_ID-$1"; }
net_short() { case "$1" in meta*) echo "m$(index_of "$1")" ;; data*) echo "d$(index_of "$1")" ;; *) echo "$1" ;; esac; }
net_veth() { echo "sl$NET_ID-$(net_short "$1")"; }

# The /24 with number K in 198.18.0.0/15 (K 0-511): "198.18.K" or "198.19.K-256".
net_prefix() { if [ "$1" -lt 256 ]; then echo "198.18.$1"; else echo "198.19.$(($1 - 256))"; fi; }

net_host_addr() { echo "$(net_prefix "$NET_SUBNET").1"; }

# A node's address: meta K at .10+K, data K at .100+K.
net_node_addr() {
  local i; i="$(index_of "$1")"
  if [ "$(kind_of "$1")" = meta ]; then echo "$(net_prefix "$NET_SUBNET").$((10 + i))"
  else echo "$(net_prefix "$NET_SUBNET").$((100 + i))"; fi
}

# The address of a fault member: a node, or "host" (the host's address on the bridge).
net_member_addr() { if [ "$1" = host ]; then net_host_addr; else net_node_addr "$1"; fi; }

# A free /24 of 198.18.0.0/15, starting from one derived from the cluster's identity.
net_pick_subnet() {
  local k start used
  used="$(ip -4 -o addr show 2>/dev/null; ip -4 route show 2>/dev/null)"
  start=$(( 16#$NET_ID % 512 ))
  for i in $(seq 0 511); do
    k=$(( (start + i) % 512 ))
    echo "$used" | grep -qF "$(net_prefix "$k")." || { echo "$k"; return 0; }
  done
  die "no free /24 left in 198.18.0.0/15"
}

# Records the cluster as a netns cluster (called by `up --netns` for a new cluster).
net_create_state() {
  net_require_tools
  NETNS=1
  NET_SUBNET="$(net_pick_subnet)"
  printf 'NETNS=1\nNET_ID=%s\nNET_SUBNET=%s\n' "$NET_ID" "$NET_SUBNET" > "$NET_ENV.tmp" && mv "$NET_ENV.tmp" "$NET_ENV"
}

# ---- creating ----------------------------------------------------------------------------------
# Creates the bridge and every node's namespace and veth pair that do not exist yet (idempotent).
net_up() {
  net_enabled || return 0
  net_require_tools
  local n
  if ! ip link show "$NET_BRIDGE" > /dev/null 2>&1; then
    ip link add "$NET_BRIDGE" type bridge || die "cannot create bridge $NET_BRIDGE"
    ip addr add "$(net_host_addr)/24" dev "$NET_BRIDGE"
    ip link set "$NET_BRIDGE" up
  fi
  for n in $NODES; do net_up_node "$n"; done
}

net_up_node() {
  local node="$1" ns veth; ns="$(net_ns "$node")"; veth="$(net_veth "$node")"
  if [ ! -e "/run/netns/$ns" ]; then
    ip netns add "$ns" || die "cannot create namespace $ns"
    rm -f "$DIR/$node/net.nft" "$DIR/$node/net-delay.rule"   # a new namespace has no rules yet
  fi
  if ! ip link show "$veth" > /dev/null 2>&1; then
    ip -n "$ns" link del eth0 > /dev/null 2>&1 || true
    ip link add "$veth" type veth peer name eth0 netns "$ns" || die "cannot create veth $veth"
    ip link set "$veth" master "$NET_BRIDGE" up
    ip -n "$ns" addr add "$(net_node_addr "$node")/24" dev eth0
  fi
  ip -n "$ns" link set lo up
  ip -n "$ns" link set eth0 up
}

# The command prefix that runs a program inside a node's namespace (nothing for a loopback cluster);
# `ip netns exec` execs the program, so its pid is the one `$!` gives.
net_exec_prefix() { net_enabled && echo "ip netns exec $(net_ns "$1")"; return 0; }

# Runs a command in a node's namespace.
net_in() { local node="$1"; shift; ip netns exec "$(net_ns "$node")" "$@"; }

# ---- removing ----------------------------------------------------------------------------------
# Our helper processes (flappers, delayers): any process whose command line carries our tag.
net_helper_pids() {
  local p
  for p in /proc/[0-9]*; do
    { tr '\0' ' ' < "$p/cmdline"; } 2>/dev/null | grep -qF -- "slnet-$NET_ID-" && echo "${p#/proc/}"
  done
  return 0
}

# Every process still inside one of our namespaces (only processes started there by this script).
net_ns_pids() {
  local ns
  for ns in $(net_namespaces); do ip netns pids "$ns" 2>/dev/null || true; done
}

net_namespaces() { ip netns list 2>/dev/null | awk '{print $1}' | grep "^slnet-$NET_ID-" || true; }
net_links() { ip -o link show 2>/dev/null | awk -F': ' '{print $2}' | cut -d@ -f1 | grep "^sl$NET_ID-" || true; }

# Removes every namespace, link, rule, qdisc and helper process of this cluster, found by name, so it
# works after a crash whatever the state files say. Processes inside the namespaces are killed
# (SIGTERM, then SIGKILL): a node cannot outlive its network.
net_clean() {
  local pids p ns l removed=0
  [ "$(id -u)" = 0 ] || die "net-clean needs root"
  command -v ip > /dev/null 2>&1 || return 0
  pids="$(net_helper_pids) $(net_ns_pids)"
  for p in $pids; do kill -TERM "$p" 2>/dev/null || true; done
  for p in $pids; do wait_gone "$p" 10 || kill -KILL "$p" 2>/dev/null || true; done
  for ns in $(net_namespaces); do ip netns del "$ns" && removed=$((removed + 1)); done
  for l in $(net_links); do ip link del "$l" 2>/dev/null && removed=$((removed + 1)); done
  rm -f "$NET_FAULTS" "$DIR"/*/net-delay.pid "$DIR"/*/net-flap.pid "$DIR"/*/net-delay.rule "$DIR"/*/net.nft
  echo "removed the network of $DIR ($removed namespaces and links, id $NET_ID)"
}

# What `status` prints under the node table for a netns cluster.
net_status_lines() {
  net_enabled || return 0
  echo
  echo "network: bridge $NET_BRIDGE, host $(net_host_addr)/24, namespaces slnet-$NET_ID-*"
  if [ -s "$NET_FAULTS" ]; then
    echo "faults in force:"
    sed 's/^/  /' "$NET_FAULTS"
  else
    echo "faults in force: none"
  fi
}
