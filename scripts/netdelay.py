#!/usr/bin/env python3
"""Delays packets queued by netfilter (NFQUEUE) by DELAY +/- JITTER milliseconds, uniformly.

Used by `scripts/cluster.sh delay NODE ...` inside the node's network namespace: an iptables rule
sends every packet the node sends through queue QUEUE, and this process gives each one its ACCEPT
verdict once its time has come (verdicts may be given out of order, so one packet's wait never
holds another's; jitter reorders packets as netem's does). It speaks the nfnetlink_queue protocol
over a plain netlink socket, so it needs nothing beyond the Python standard library and works on
kernels built without sch_netem. Seeded by --seed (printed). Stops on SIGTERM; the rule uses
--queue-bypass, so packets flow undelayed once it is gone.
"""
import argparse
import heapq
import os
import random
import select
import signal
import socket
import struct
import sys
import time

NETLINK_NETFILTER = 12
NFNL_SUBSYS_QUEUE = 3
NFQNL_MSG_PACKET, NFQNL_MSG_VERDICT, NFQNL_MSG_CONFIG = 0, 1, 2
NFQA_CFG_CMD, NFQA_CFG_PARAMS, NFQA_CFG_QUEUE_MAXLEN, NFQA_CFG_FLAGS, NFQA_CFG_MASK = 1, 2, 3, 5, 4
NFQNL_CFG_CMD_BIND = 1
NFQNL_COPY_META = 1
NFQA_CFG_F_FAIL_OPEN = 1
NFQA_PACKET_HDR = 1
NFQA_VERDICT_HDR = 2
NF_ACCEPT = 1
NLM_F_REQUEST, NLM_F_ACK = 1, 4
NLMSG_ERROR = 2


def attr(kind, payload):
    length = 4 + len(payload)
    return struct.pack("=HH", length, kind) + payload + b"\0" * ((4 - length % 4) % 4)


def message(msg_type, queue, attrs, flags=NLM_F_REQUEST, seq=0):
    body = struct.pack("=BBH", socket.AF_UNSPEC, 0, socket.htons(queue)) + b"".join(attrs)
    return struct.pack("=IHHII", 16 + len(body), (NFNL_SUBSYS_QUEUE << 8) | msg_type, flags, seq, 0) + body


def attrs_of(data):
    out, i = {}, 0
    while i + 4 <= len(data):
        length, kind = struct.unpack_from("=HH", data, i)
        if length < 4:
            break
        out[kind & 0x7FFF] = data[i + 4:i + length]
        i += (length + 3) & ~3
    return out


def configure(sock, queue):
    requests = [
        [attr(NFQA_CFG_CMD, struct.pack("!BxH", NFQNL_CFG_CMD_BIND, socket.AF_INET))],
        [attr(NFQA_CFG_PARAMS, struct.pack("!IB", 0, NFQNL_COPY_META)),
         attr(NFQA_CFG_QUEUE_MAXLEN, struct.pack("!I", 65536)),
         attr(NFQA_CFG_FLAGS, struct.pack("!I", NFQA_CFG_F_FAIL_OPEN)),
         attr(NFQA_CFG_MASK, struct.pack("!I", NFQA_CFG_F_FAIL_OPEN))],
    ]
    for seq, attrs in enumerate(requests, 1):
        sock.send(message(NFQNL_MSG_CONFIG, queue, attrs, NLM_F_REQUEST | NLM_F_ACK, seq))
        reply = sock.recv(65536)
        length, msg_type = struct.unpack_from("=IH", reply, 0)
        if msg_type == NLMSG_ERROR:
            error = struct.unpack_from("=i", reply, 16)[0]
            if error != 0:
                raise OSError(-error, "nfqueue configuration step %d: %s" % (seq, os.strerror(-error)))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--queue", type=int, default=0)
    p.add_argument("--delay", type=int, required=True, help="milliseconds")
    p.add_argument("--jitter", type=int, default=0, help="milliseconds, uniform +/-")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--tag", default="", help="a marker in the command line (cluster.sh finds its helper by it)")
    args = p.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 31)
    rng = random.Random(seed)
    running = [True]
    signal.signal(signal.SIGTERM, lambda *_: running.__setitem__(0, False))

    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_NETFILTER)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
    sock.bind((0, 0))
    configure(sock, args.queue)
    print("bound queue=%d delay=%dms jitter=%dms seed=%d" % (args.queue, args.delay, args.jitter, seed), flush=True)

    due = []  # (release time, packet id)
    delayed = 0
    while running[0] or due:
        now = time.monotonic() if running[0] else float("inf")  # stopping: release everything now
        while due and due[0][0] <= now:
            _, packet_id = heapq.heappop(due)
            verdict = attr(NFQA_VERDICT_HDR, struct.pack("!II", NF_ACCEPT, packet_id))
            sock.send(message(NFQNL_MSG_VERDICT, args.queue, [verdict]))
        if not running[0]:
            break
        timeout = max(0.0, due[0][0] - now) if due else 0.5
        try:
            ready, _, _ = select.select([sock], [], [], timeout)
        except InterruptedError:
            continue
        while ready:
            try:
                data = sock.recv(65536, socket.MSG_DONTWAIT)
            except BlockingIOError:
                break
            except OSError as e:  # ENOBUFS: the kernel dropped messages; go on
                print("recv: %s" % e, file=sys.stderr, flush=True)
                break
            i = 0
            while i + 16 <= len(data):
                length, msg_type = struct.unpack_from("=IH", data, i)
                if length < 16:
                    break
                if msg_type == (NFNL_SUBSYS_QUEUE << 8) | NFQNL_MSG_PACKET:
                    header = attrs_of(data[i + 20:i + length]).get(NFQA_PACKET_HDR)
                    if header:
                        packet_id = struct.unpack_from("!I", header, 0)[0]
                        wait = (args.delay + rng.uniform(-args.jitter, args.jitter)) / 1000.0
                        heapq.heappush(due, (time.monotonic() + max(0.0, wait), packet_id))
                        delayed += 1
                i += (length + 3) & ~3
    print("stopped after delaying %d packets" % delayed, flush=True)


if __name__ == "__main__":
    main()
