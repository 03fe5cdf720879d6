"""Python multiprocessing peers of the shared-value figures (bench/src/.../SharedBench.java).

Usage: shared_peer.py counter|array   -- prints the figure (ops/s) as its last line.

counter: 2 processes increment one Value('i') under its get_lock().
array:   2 processes add 1.0 to the elements of one Array('d', 1000) under its lock, in turn,
         starting half an array apart (as the Java side does).
Each child reports its own monotonic start and end; the figure is all operations divided by
the span from the first start to the last end. The final count is checked.
"""
import multiprocessing as mp
import os
import sys
import time

PROCESSES = 2
ARRAY_LENGTH = 1000


def ops(base):
    scale = float(os.environ.get("JMP_BENCH_SCALE") or 1.0)
    return max(1000, round(base * scale))


def counter_child(value, n, barrier, spans):
    lock = value.get_lock()
    barrier.wait()
    start = time.monotonic_ns()
    for _ in range(n):
        with lock:
            value.value += 1
    spans.put((start, time.monotonic_ns()))


def array_child(array, n, offset, barrier, spans):
    lock = array.get_lock()
    length = len(array)
    i = offset % length
    barrier.wait()
    start = time.monotonic_ns()
    for _ in range(n):
        with lock:
            array[i] += 1.0
        i += 1
        if i == length:
            i = 0
    spans.put((start, time.monotonic_ns()))


def run(target, make_args):
    ctx = mp.get_context("fork")
    barrier = ctx.Barrier(PROCESSES)
    spans = ctx.Queue()
    children = [ctx.Process(target=target, args=make_args(k) + (barrier, spans)) for k in range(PROCESSES)]
    for child in children:
        child.start()
    results = [spans.get(timeout=600) for _ in children]
    for child in children:
        child.join()
        if child.exitcode != 0:
            raise SystemExit(f"peer child exited with {child.exitcode}")
    first = min(s for s, _ in results)
    last = max(e for _, e in results)
    return (last - first) / 1e9


def main():
    case = sys.argv[1] if len(sys.argv) > 1 else ""
    ctx = mp.get_context("fork")
    if case == "counter":
        n = ops(500_000)
        value = ctx.Value("i", 0)
        seconds = run(counter_child, lambda k: (value, n))
        if value.value != PROCESSES * n:
            raise SystemExit(f"lost updates: {value.value} != {PROCESSES * n}")
    elif case == "array":
        n = ops(500_000)
        array = ctx.Array("d", ARRAY_LENGTH)
        seconds = run(array_child, lambda k: (array, n, k * ARRAY_LENGTH // PROCESSES))
        if sum(array[:]) != PROCESSES * n:
            raise SystemExit(f"lost updates: {sum(array[:])} != {PROCESSES * n}")
    else:
        raise SystemExit("usage: shared_peer.py counter|array")
    print(PROCESSES * n / seconds)


if __name__ == "__main__":
    main()
