#!/usr/bin/python3
"""Kernel start-up benchmark: time from launching a kernel to its kernel_info_reply, and from
there to the result of the first `1 + 1`, for the installed jmp kernel and, as the peer
measured in the same run, Debian's ipykernel (python3).

Usage: /usr/bin/python3 bench/kernel_startup.py [--runs N] [--json]
  --json  print one JSON line per figure: {"name","value","unit","peer","peer_value","ratio"}
The jmp kernel must be installed (install/install.sh); JUPYTER_DATA_DIR is honoured.
"""
import argparse
import json
import statistics
import time
from queue import Empty

from jupyter_client.manager import KernelManager


def wait_reply(kc, msg_id, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        try:
            msg = kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
        except Empty:
            raise RuntimeError("no reply to %s" % msg_id)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def wait_result(kc, msg_id, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_result":
            return msg


def measure(kernel_name):
    km = KernelManager(kernel_name=kernel_name)
    start = time.monotonic()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        # Sent at once: ZeroMQ queues it until the kernel binds its sockets.
        info_id = kc.kernel_info()
        wait_reply(kc, info_id)
        ready = time.monotonic()
        # IOPub is a PUB/SUB pair: wait until the subscription is live (a status message for a
        # kernel_info arrives) so the result is not published before we listen. This wait
        # counts towards the first-result time, which is therefore conservative.
        iopub_live = False
        while not iopub_live:
            probe = kc.kernel_info()
            wait_reply(kc, probe)
            try:
                while True:
                    msg = kc.get_iopub_msg(timeout=0.05)
                    if msg["parent_header"].get("msg_id") == probe:
                        iopub_live = True
            except Empty:
                pass
        exec_id = kc.execute("1 + 1")
        result = wait_result(kc, exec_id)
        done = time.monotonic()
        assert result["content"]["data"]["text/plain"] == "2", result
        wait_reply(kc, exec_id)
        return ready - start, done - ready
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--peer", default="python3")
    args = parser.parse_args()
    figures = {}
    for kernel in ("jmp", args.peer):
        starts, firsts = [], []
        for _ in range(args.runs):
            s, f = measure(kernel)
            starts.append(s)
            firsts.append(f)
        figures[kernel] = (statistics.median(starts), statistics.median(firsts))
    rows = [
        ("kernel_start_to_kernel_info_reply", 0),
        ("kernel_first_1_plus_1_result", 1),
    ]
    for name, i in rows:
        value = figures["jmp"][i]
        peer_value = figures[args.peer][i]
        if args.json:
            print(json.dumps({"name": name, "value": round(value, 4), "unit": "s", "peer": "ipykernel " + args.peer,
                              "peer_value": round(peer_value, 4), "ratio": round(peer_value / value, 3)}))
        else:
            print("%-36s jmp %.3f s   %s %.3f s   ratio %.2f, >1 means jmp faster (median of %d)"
                  % (name, value, args.peer, peer_value, peer_value / value, args.runs))


if __name__ == "__main__":
    main()
