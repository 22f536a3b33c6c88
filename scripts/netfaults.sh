# shellcheck shell=bash
# Fault verbs of a `cluster.sh up --netns` cluster, sourced by cluster.sh after scripts/netns.sh.
#
# The faults in force are one line each in $DIR/net.faults (the desired state):
#   partition A,B C,D     nothing crosses between the two sides ("host" may be a member)
#   isolate N             N exchanges nothing with any other node (the host still reaches it)
#   cut A B               A's packets to B are dropped; B's packets to A pass
#   delay N MS JITTER     every packet N sends waits MS ± JITTER ms (uniform)
#   loss N PERCENT        N's outgoing packets are dropped with that probability
#   flap N PERIOD_MS      N's link goes down for half the period, up for the other half, until healed
# Every change renders the whole list again into each node's namespace and applies it: one nftables
# table per namespace (replaced in one transaction), a delayer process per delayed node
# (scripts/netdelay.py on an NFQUEUE; this kernel-independent path is used because many kernels,
# like CI's, ship without sch_netem), a flapper process per flapping node. If any part fails, the
# previous list is applied again and the verb fails: no half-applied rules.

NET_VERBS="partition isolate cut heal delay loss flap netstat"

net_verb_usage() {
  cat <<'EOF'
Network faults (clusters started with up --netns):
  partition A,B... C,D...   nothing crosses between the sides ("host" = the host's address)
  isolate NODE              NODE is cut from every other node (the host still reaches it)
  cut A B                   one direction only: A's packets to B are dropped
  delay NODE 200ms [50ms]   every packet NODE sends waits 200 ms ± 50 ms
  loss NODE 5%              NODE's outgoing packets are dropped with that probability
  flap NODE PERIOD          NODE's link goes down/up every half PERIOD (e.g. 2s) until heal
  heal                      remove every fault in force
  netstat                   faults in force, with packets dropped and helper processes
EOF
}

# ---- validation (before anything changes) -----------------------------------------------------
net_require_faultable() {
  net_enabled || die "$CMD works only on a cluster started with 'up --netns' ($DIR runs on loopback)"
  net_require_root
  ip link show "$NET_BRIDGE" > /dev/null 2>&1 || die "the network of $DIR is not up (run: scripts/cluster.sh up --dir $DIR)"
}

net_require_member() {
  [ "$1" = host ] && [ "${2:-}" = host-ok ] && return 0
  known_node "$1" || die "unknown node '$1' in $DIR (known: $NODES${2:+, host})"
}

# Milliseconds of a duration like 200ms, 1.5s, 2s, or a bare number of milliseconds.
net_ms() {
  local v="$1"
  case "$v" in
    *ms) v="${v%ms}"; [[ "$v" =~ ^[0-9]+$ ]] && { echo "$v"; return 0; } ;;
    *s) v="${v%s}"; [[ "$v" =~ ^[0-9]+(\.[0-9]+)?$ ]] && { awk -v s="$v" 'BEGIN {printf "%d", s * 1000}'; return 0; } ;;
    *) [[ "$v" =~ ^[0-9]+$ ]] && { echo "$v"; return 0; } ;;
  esac
  die "bad duration '$1' (use e.g. 200ms or 2s)"
}

net_side() {
  local side="$1" m seen=" "
  [ -n "$side" ] || die "partition needs two non-empty sides, e.g. partition meta1,data1 data2,data3"
  for m in ${side//,/ }; do
    net_require_member "$m" host-ok
    case "$seen" in *" $m "*) die "node '$m' is named twice on one side of the partition" ;; esac
    seen="$seen$m "
  done
  echo "$seen"
}

# Parses and checks a verb's arguments; prints the fault line to add.
net_parse_fault() {
  local verb="$1"; shift
  case "$verb" in
    partition)
      [ $# -eq 2 ] || die "usage: partition A,B... C,D..."
      local a b m
      a="$(net_side "$1")" || exit 1
      b="$(net_side "$2")" || exit 1
      for m in $a; do case "$b" in *" $m "*) die "overlapping partition: '$m' is on both sides" ;; esac; done
      echo "partition $1 $2" ;;
    isolate)
      [ $# -eq 1 ] || die "usage: isolate NODE"
      net_require_member "$1"; echo "isolate $1" ;;
    cut)
      [ $# -eq 2 ] || die "usage: cut A B (drops A's packets to B only)"
      net_require_member "$1"; net_require_member "$2"
      [ "$1" != "$2" ] || die "cut needs two different nodes"
      echo "cut $1 $2" ;;
    delay)
      [ $# -ge 2 ] && [ $# -le 3 ] || die "usage: delay NODE 200ms [50ms]"
      net_require_member "$1"
      local d j; d="$(net_ms "$2")" || exit 1; j="$(net_ms "${3:-0}")" || exit 1
      [ "$d" -ge 1 ] || die "delay must be at least 1ms"
      [ "$j" -le "$d" ] || die "jitter ($3) must not exceed the delay ($2)"
      echo "delay $1 $d $j" ;;
    loss)
      [ $# -eq 2 ] || die "usage: loss NODE 5%"
      net_require_member "$1"
      local p="${2%\%}"
      [[ "$p" =~ ^[0-9]+(\.[0-9]{1,2})?$ ]] || die "bad loss '$2' (use e.g. 5% or 0.5%)"
      awk -v p="$p" 'BEGIN {exit !(p > 0 && p <= 100)}' || die "loss must be above 0% and at most 100%"
      echo "loss $1 $p" ;;
    flap)
      [ $# -eq 2 ] || die "usage: flap NODE PERIOD (e.g. 2s)"
      net_require_member "$1"
      local t; t="$(net_ms "$2")" || exit 1
      [ "$t" -ge 200 ] || die "flap period must be at least 200ms"
      echo "flap $1 $t" ;;
  esac
}

# ---- rendering ---------------------------------------------------------------------------------
# The addresses NODE must drop in fault list $3, one direction: $2 = out (packets it sends) or in
# (packets it receives).
net_drop_addrs() {
  local node="$1" dir="$2" verb x y other n
  while read -r verb x y _; do
    case "$verb" in
      partition)
        if [[ ",$x," == *",$node,"* ]]; then other="$y"; elif [[ ",$y," == *",$node,"* ]]; then other="$x"; else continue; fi
        for n in ${other//,/ }; do net_member_addr "$n"; done ;;
      isolate)
        [ "$x" = "$node" ] || continue
        for n in $NODES; do [ "$n" = "$node" ] || net_node_addr "$n"; done ;;
      cut)
        [ "$dir" = out ] && [ "$x" = "$node" ] && net_node_addr "$y" ;;
    esac
  done < "$3"
}

# The last value of a per-node fault (delay, loss, flap) for a node in a fault list, or nothing.
net_fault_of() { awk -v v="$2" -v n="$3" '$1 == v && $2 == n {line = $0} END {if (line) print line}' "$1"; }

# The nftables script that replaces this cluster's table in NODE's namespace with the list $2.
net_render_nft() {
  local node="$1" list="$2" out in loss
  out="$(net_drop_addrs "$node" out "$list" | sort -u | paste -sd, -)"
  in="$(net_drop_addrs "$node" in "$list" | sort -u | paste -sd, -)"
  loss="$(net_fault_of "$list" loss "$node" | awk '{printf "%d", $3 * 100}')"
  echo "add table inet $NET_TABLE"
  echo "delete table inet $NET_TABLE"
  [ -n "$out$in$loss" ] || return 0
  echo "table inet $NET_TABLE {"
  echo "  chain out {"
  echo "    type filter hook output priority 0; policy accept;"
  echo "    oifname \"lo\" accept"
  [ -n "$out" ] && echo "    ip daddr { $out } counter drop comment \"partition/cut\""
  [ -n "$loss" ] && echo "    numgen random mod 10000 < $loss counter drop comment \"loss\""
  echo "  }"
  echo "  chain in {"
  echo "    type filter hook input priority 0; policy accept;"
  echo "    iifname \"lo\" accept"
  [ -n "$in" ] && echo "    ip saddr { $in } counter drop comment \"partition\""
  echo "  }"
  echo "}"
}

# ---- applying ----------------------------------------------------------------------------------
# A helper's pid file: $DIR/<node>/net-<kind>.pid; the helper's tag is slnet-<id>-<node>-<kind>.
net_helper_file() { echo "$DIR/$1/net-$2.pid"; }

# The pid of NODE's helper of KIND if it runs (its command line carries the tag), else fails.
net_helper_pid() {
  local f pid; f="$(net_helper_file "$1" "$2")"
  [ -f "$f" ] || return 1
  pid="$(tr -dc '0-9' < "$f")"
  if [ -n "$pid" ] && { tr '\0' ' ' < "/proc/$pid/cmdline"; } 2>/dev/null | grep -qF -- "slnet-$NET_ID-$1-$2 "; then
    echo "$pid"; return 0
  fi
  rm -f "$f"
  return 1
}

# The running helper's command line (for comparing its arguments with what is wanted).
net_helper_cmdline() { { tr '\0' ' ' < "/proc/$1/cmdline"; } 2>/dev/null; }

net_stop_helper() {
  local pid
  pid="$(net_helper_pid "$1" "$2")" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  wait_gone "$pid" 5 || kill -KILL "$pid" 2>/dev/null || true
  rm -f "$(net_helper_file "$1" "$2")"
}

# Makes NODE's delayer match the list: none, or one with the listed delay and jitter.
net_apply_delay() {
  local node="$1" line tag ns want have
  line="$(net_fault_of "$2" delay "$node")"; tag="slnet-$NET_ID-$node-delay"; ns="$(net_ns "$node")"
  if [ -z "$line" ]; then
    net_stop_helper "$node" delay
    if [ -f "$DIR/$node/net-delay.rule" ]; then
      ip netns exec "$ns" iptables -t mangle -D OUTPUT -o eth0 -j NFQUEUE --queue-num 0 --queue-bypass 2>/dev/null || true
      rm -f "$DIR/$node/net-delay.rule"
    fi
    return 0
  fi
  net_install iptables:iptables python3:python3
  want="--delay $(echo "$line" | awk '{print $3}') --jitter $(echo "$line" | awk '{print $4}') --tag $tag "
  if have="$(net_helper_pid "$node" delay)" && net_helper_cmdline "$have" | grep -qF -- "$want"; then return 0; fi
  net_stop_helper "$node" delay
  # shellcheck disable=SC2086
  setsid ip netns exec "$ns" python3 "$SCRIPTS/netdelay.py" --queue 0 $want \
    > "$DIR/$node/netdelay.log" 2>&1 < /dev/null &
  echo $! > "$(net_helper_file "$node" delay)"
  local deadline=$((SECONDS + 10))
  until grep -q '^bound' "$DIR/$node/netdelay.log" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] && kill -0 $! 2>/dev/null || { cat "$DIR/$node/netdelay.log" >&2; return 1; }
    sleep 0.1
  done
  touch "$DIR/$node/net-delay.rule"
  ip netns exec "$ns" iptables -t mangle -C OUTPUT -o eth0 -j NFQUEUE --queue-num 0 --queue-bypass 2>/dev/null \
    || ip netns exec "$ns" iptables -t mangle -A OUTPUT -o eth0 -j NFQUEUE --queue-num 0 --queue-bypass
}

# Makes NODE's flapper match the list.
net_apply_flap() {
  local node="$1" line tag veth half
  line="$(net_fault_of "$2" flap "$node")"; tag="slnet-$NET_ID-$node-flap"; veth="$(net_veth "$node")"
  if [ -z "$line" ]; then
    if [ -f "$(net_helper_file "$node" flap)" ]; then
      net_stop_helper "$node" flap
      ip link set dev "$veth" up
    fi
    return 0
  fi
  half="$(echo "$line" | awk '{printf "%.3f", $3 / 2000}')"
  if have="$(net_helper_pid "$node" flap)" && net_helper_cmdline "$have" | grep -qF -- " $half"; then return 0; fi
  net_stop_helper "$node" flap
  # shellcheck disable=SC2016
  setsid bash -c 'while ip link set dev "$1" down && sleep "$2" && ip link set dev "$1" up && sleep "$2"; do :; done' \
    "$tag" "$veth" "$half" > /dev/null 2>&1 < /dev/null &
  echo $! > "$(net_helper_file "$node" flap)"
}

# Applies a fault list to every node; returns non-zero (having said why) if any part failed. A
# namespace whose rules would not change is not touched (DIR/<node>/net.nft holds what it has).
net_apply_list() {
  local list="$1" n rules
  for n in $NODES; do
    rules="$(net_render_nft "$n" "$list")"
    if [ "$rules" != "$(cat "$DIR/$n/net.nft" 2>/dev/null)" ]; then
      echo "$rules" | ip netns exec "$(net_ns "$n")" nft -f - || { echo "cluster.sh: nftables refused the rules for $n" >&2; return 1; }
      echo "$rules" > "$DIR/$n/net.nft"
    fi
    net_apply_delay "$n" "$list" || { echo "cluster.sh: cannot start the delayer for $n" >&2; return 1; }
    net_apply_flap "$n" "$list" || { echo "cluster.sh: cannot start the flapper for $n" >&2; return 1; }
  done
}

# Replaces the faults in force by the list in file $1, or leaves the old ones in force and fails.
net_set_faults() {
  local new="$1" old="$DIR/net.faults.old"
  touch "$NET_FAULTS"; cp "$NET_FAULTS" "$old"
  if net_apply_list "$new"; then
    mv "$new" "$NET_FAULTS"; rm -f "$old"; return 0
  fi
  net_apply_list "$old" || echo "cluster.sh: restoring the previous faults failed too; run net-clean" >&2
  rm -f "$new" "$old"
  die "$CMD not applied; the faults in force are unchanged"
}

# ---- verbs -------------------------------------------------------------------------------------
net_describe() {
  local verb a b c
  read -r verb a b c <<< "$1"
  case "$verb" in
    partition) echo "partition: nothing crosses between {$a} and {$b}" ;;
    isolate) echo "isolate: $a exchanges nothing with any other node" ;;
    cut) echo "cut: packets from $a to $b are dropped (from $b to $a they pass)" ;;
    delay) echo "delay: every packet $a sends waits ${b}ms ± ${c}ms" ;;
    loss) echo "loss: $b% of the packets $a sends are dropped" ;;
    flap) echo "flap: $a's link goes down for $((b / 2))ms, up for $((b / 2))ms, until heal" ;;
  esac
}

net_verb() {
  net_require_faultable
  local line new="$DIR/net.faults.new"
  touch "$NET_FAULTS"
  case "$CMD" in
    netstat) net_netstat; return 0 ;;
    heal)
      [ $# -eq 0 ] || die "usage: heal (removes every fault in force)"
      [ -s "$NET_FAULTS" ] || die "heal: no fault in force in $DIR"
      local was; was="$(cat "$NET_FAULTS")"
      : > "$new"
      net_set_faults "$new"
      while read -r line; do echo "healed $(net_describe "$line")"; done <<< "$was"
      echo "every link up, no rule, delayer or flapper left"
      return 0 ;;
  esac
  line="$(net_parse_fault "$CMD" "$@")" || exit 1
  case "$CMD" in
    delay|loss|flap)   # one of each per node: a new one replaces the old
      awk -v v="$CMD" -v n="$1" '!($1 == v && $2 == n)' "$NET_FAULTS" > "$new" ;;
    *)
      grep -qxF -- "$line" "$NET_FAULTS" && die "$CMD: already in force: $line"
      cp "$NET_FAULTS" "$new" ;;
  esac
  echo "$line" >> "$new"
  net_set_faults "$new"
  net_describe "$line"
}

net_netstat() {
  local n ns t
  if [ ! -s "$NET_FAULTS" ]; then echo "no fault in force"; else
    echo "faults in force:"
    while read -r l; do echo "  $(net_describe "$l")"; done < "$NET_FAULTS"
  fi
  printf '%-7s %-15s %-6s %-9s %-9s %s\n' NODE ADDRESS LINK DROP_OUT DROP_IN HELPERS
  for n in $NODES; do
    ns="$(net_ns "$n")"
    t="$(ip netns exec "$ns" nft list table inet "$NET_TABLE" 2>/dev/null || true)"
    printf '%-7s %-15s %-6s %-9s %-9s %s\n' "$n" "$(net_node_addr "$n")" \
      "$(ip -br link show "$(net_veth "$n")" 2>/dev/null | awk '{print $2}')" \
      "$(echo "$t" | awk '/chain out/ {o=1} /chain in/ {o=0} o && /packets/ {for (i=1;i<=NF;i++) if ($i=="packets") s+=$(i+1)} END {print s+0}')" \
      "$(echo "$t" | awk '/chain in/ {o=1} o && /packets/ {for (i=1;i<=NF;i++) if ($i=="packets") s+=$(i+1)} END {print s+0}')" \
      "$(for h in delay flap; do p="$(net_helper_pid "$n" "$h")" && printf '%s=%s ' "$h" "$p"; done)"
  done
}
