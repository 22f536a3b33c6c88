#!/usr/bin/env bash
# D15: one owner's link flaps (down 1 s, up 1 s: a 2 s period) for OUTAGE seconds (60) under RATE
# points/s (5k), half at consistency one and half at quorum. Pass: once healed and drained, every
# acknowledged point is on every owner.
. "$(dirname "${BASH_SOURCE[0]}")/netlib.sh"
drill_init d15 11000 "$@"
short_defaults 2000 10
PRE=$(( OUTAGE / 6 + 2 )); POST=$(( OUTAGE / 6 + 2 ))
net_drill_setup
apply_fault() { cluster flap "$VICTIM" 2s | sed 's/^/   /'; }
run_fault_drill "flap $VICTIM's link with a 2s period"
