"""Magic figures (bench/src/.../MagicsBench.java): request-to-reply time of a cell, measured
over jupyter_client against a real kernel.

Usage: magics_peer.py CASE   -- prints the figure, in ms, as its last line.

Cases:
  jmp_pool    %%pool over 2 no-op items (-n 2) in the jmp kernel, 2 warm workers ready
  jmp_spawn   %%spawn of 1 process returning a value, warm workers ready
  py_pool     peer: ipykernel (python3) running multiprocessing Pool(2).map over 2 items
  py_spawn    peer: ipykernel running multiprocessing Process start + join
  jmp_pool1m  %%pool over IntStream.range(0, 1_000_000) returning (long) i * i (-n 2), figure in s
  py_pool1m   peer: ipykernel running Pool(2).map over range(1_000_000) returning i * i, in s
Each case starts its kernel, warms up, then times RUNS cells (default 15, JMP_BENCH_RUNS) from
sending execute_request to receiving execute_reply, and prints the median. Before each jmp cell
it waits until the warm set is full again (the run before took its workers), so every timed
cell starts on warm workers. The jmp kernel is installed from this repository into a temporary
prefix (install/install.sh builds it when its jars are older than the sources).
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from queue import Empty

from jupyter_client.manager import KernelManager

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNS = int(os.environ.get("JMP_BENCH_RUNS") or 15)
WARMUP = 5

JMP_SETUP = "%workers --warm 2"
JMP_IDLE = 'Jmp.workers().stream().filter(w -> w.state().equals("idle")).count()'
JMP_CELLS = {
    "pool": ("%%pool --over List.of(1, 2) --as x -n 2 --out r\nreturn x;", "r", "[1, 2]"),
    "spawn": ("%%spawn -n 1\nreturn 7;", None, "7"),
    "pool1m": ("%%pool --over IntStream.range(0, 1_000_000) --as i -n 2 --out r\nreturn (long) i * i;",
               "r.get(999_999) + r.size()", "999999000001"),
}
PY_SETUP = ("import multiprocessing as mp\n"
            "def same(x):\n    return x\n"
            "def sq(i):\n    return i * i\n"
            "def noop():\n    pass\n")
PY_CELLS = {
    "pool": ("with mp.Pool(2) as p:\n    r = p.map(same, [1, 2])", "r", "[1, 2]"),
    "spawn": ("p = mp.Process(target=noop)\np.start()\np.join()", "p.exitcode", "0"),
    "pool1m": ("with mp.Pool(2) as p:\n    r = p.map(sq, range(1_000_000))", "r[999_999] + len(r)", "999999000001"),
}
# A million items per cell: fewer cells, and the figure in seconds.
LONG_CASES = {"pool1m": (2, 5)}


def reply_to(kc, msg_id, timeout=120):
    deadline = time.monotonic() + timeout
    while True:
        try:
            msg = kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
        except Empty:
            raise SystemExit("no reply to %s within %ss" % (msg_id, timeout))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def drain_iopub(kc, msg_id, timeout=60):
    """Reads IOPub up to the request's idle status; returns its execute_result text, if any, else
    the text of its last display."""
    deadline = time.monotonic() + timeout
    result = None
    shown = None
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            result = msg["content"]["data"]["text/plain"]
        if msg["msg_type"] == "display_data":
            shown = msg["content"]["data"].get("text/plain")
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return result if result is not None else shown


def run(kc, code):
    """Runs a cell; returns (request-to-reply seconds, result text)."""
    start = time.monotonic()
    msg_id = kc.execute(code)
    reply = reply_to(kc, msg_id)
    took = time.monotonic() - start
    if reply["content"]["status"] != "ok":
        raise SystemExit("cell failed: %r: %s" % (code, reply["content"]))
    return took, drain_iopub(kc, msg_id)


def install_jmp():
    prefix = tempfile.mkdtemp(prefix="jmp-bench-kernel-")
    subprocess.run([os.path.join(REPO, "install", "install.sh"), "--prefix", prefix], check=True,
                   stdout=sys.stderr, stderr=sys.stderr)
    os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
    return prefix


def wait_warm(kc, n=2, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if run(kc, JMP_IDLE)[1] == str(n):
            return
        time.sleep(0.02)
    raise SystemExit("the warm set did not refill to %d workers within %ss" % (n, timeout))


def measure(case):
    kind, what = case.split("_", 1)
    jmp = kind == "jmp"
    prefix = install_jmp() if jmp else None
    km = KernelManager(kernel_name="jmp" if jmp else "python3")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        run(kc, JMP_SETUP if jmp else PY_SETUP)
        cell, check, expected = (JMP_CELLS if jmp else PY_CELLS)[what]
        times = []
        warmup, runs = LONG_CASES.get(what, (WARMUP, RUNS))
        for i in range(warmup + runs):
            if jmp:
                wait_warm(kc)
            took, shown = run(kc, cell)
            if check is None:  # the %%spawn summary: "spawn-K: 1 worker, 1 ok, ..." and the result last
                if ", 1 ok," not in shown or not shown.rstrip().endswith(" " + expected):
                    raise SystemExit("wrong summary: %r" % shown)
            else:
                got = run(kc, check)[1]
                if got != expected:
                    raise SystemExit("wrong result: %s = %r, expected %r" % (check, got, expected))
            if i >= warmup:
                times.append(took * (1 if what in LONG_CASES else 1000))
        print("%s: median %.3f, min %.3f, max %.3f over %d cells" % (case, statistics.median(times), min(times),
                                                                       max(times), len(times)), file=sys.stderr)
        return statistics.median(times)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
        if prefix:
            shutil.rmtree(prefix, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("jmp_pool", "jmp_spawn", "py_pool", "py_spawn", "jmp_pool1m",
                                                   "py_pool1m"):
        raise SystemExit(__doc__)
    print("%.3f" % measure(sys.argv[1]))
