#!/usr/bin/env python3
"""A userspace netem for kernels without sch_netem: relays IP packets between two TUN devices,
delaying (with uniform jitter) and dropping those going from the first to the second.

usage: tun-delay.py TUN_A TUN_B CONTROL_FILE
Creates both TUN devices, prints "ready", then relays until killed. The parameters are re-read
from CONTROL_FILE ("delay_ms jitter_ms loss_ratio") whenever its modification time changes. The
test moves TUN_B into a network namespace after "ready": an open TUN file descriptor stays bound
to its device across the move.
"""
import fcntl, heapq, os, random, select, struct, sys, time

TUNSETIFF = 0x400454CA
IFF_TUN, IFF_NO_PI = 0x0001, 0x1000

def open_tun(name):
    fd = os.open("/dev/net/tun", os.O_RDWR | os.O_NONBLOCK)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TUN | IFF_NO_PI))
    return fd

a, b = open_tun(sys.argv[1]), open_tun(sys.argv[2])
control = sys.argv[3]
params, stamp = (0.0, 0.0, 0.0), None
print("ready", flush=True)
queue, seq = [], 0
while True:
    try:
        st = os.stat(control).st_mtime_ns
        if st != stamp:
            with open(control) as f:
                d, j, l = f.read().split()
            params, stamp = (float(d) / 1000, float(j) / 1000, float(l)), st
    except (OSError, ValueError):
        pass
    now = time.monotonic()
    while queue and queue[0][0] <= now:
        _, _, fd, packet = heapq.heappop(queue)
        try:
            os.write(fd, packet)
        except OSError:
            pass
    timeout = max(0.0, queue[0][0] - time.monotonic()) if queue else 0.05
    readable, _, _ = select.select([a, b], [], [], min(timeout, 0.05))
    for fd in readable:
        try:
            packet = os.read(fd, 65535)
        except BlockingIOError:
            continue
        if fd == a:
            delay, jitter, loss = params
            if loss > 0 and random.random() < loss:
                continue
            due = time.monotonic() + max(0.0, delay + random.uniform(-jitter, jitter))
            heapq.heappush(queue, (due, seq, b, packet))
            seq += 1
        else:
            os.write(a, packet)
