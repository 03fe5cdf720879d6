"""Python multiprocessing peers of the manager figures (issue 4; the Java side mirrors each case).

Usage: manager_peer.py CASE   -- prints the figure (ops/s or cycles/s, higher is better) as the
last stdout line; diagnostics go to stderr. A wrong final count exits non-zero.

Common to every case:
- One multiprocessing.Manager() (its server process) started before timing, shut down at the end.
  Two worker processes (start method 'fork', daemonic, joined) use proxies to its objects.
- Each worker does w = 200 untimed warm-up operations, then waits on a Barrier(2), then does
  n = 10000 (JMP_BENCH_SCALE scales n as max(1000, round(10000 * scale)), like Scale.ops)
  timed operations, reading time.monotonic_ns() just after the barrier and just after its
  last operation. Figure: 2 * n divided by the span from the earliest start to the latest end.
- The final state is checked exactly: 2 * (w + n).

Cases:
shared.map_atomic_incr_per_s
    d = manager.dict({'key': 0}), lock = manager.Lock(). One operation:
        with lock: d['key'] += 1
    (a proxied __getitem__ and __setitem__ inside the lock). Python's managed dict has no
    atomic merge, so a Manager Lock around the read-modify-write is Python's way to make the
    merge atomic: 4 round trips to the manager per operation (acquire, get, set, release).
    The Java side does map.merge("key", 1, Integer::sum) (or its equivalent atomic call).
shared.map_locked_incr_per_s
    Same objects. One operation, spelled as the issue's "explicit lock, get, put, unlock":
        lock.acquire(); v = d.get('key'); d['key'] = v + 1; lock.release()
    In Python this is the same work as the atomic case (there is nothing cheaper to compare).
    The Java side: lock, get, put, unlock on its shared map with its shared lock.
shared.lock_cycles_per_s  (cycles/s)
    lock = manager.Lock(), plus c = RawValue('q', 0) (plain shared memory, no lock of its own).
    One cycle:
        lock.acquire(); c.value = c.value + 1; lock.release()
    The unguarded read-then-write inside the lock costs well under 1% of a cycle and makes a
    lock that fails to exclude show up as lost updates. The Java side: acquire and release of
    its shared lock, with a plain (non-atomic) get-then-set of a shared int inside.
"""
import multiprocessing as mp
import os
import sys
import time

PROCESSES = 2
WARMUP = 200
TIMEOUT_S = 300
KEY = "key"


def ops(base):
    scale = float(os.environ.get("JMP_BENCH_SCALE") or 1.0)
    return max(1000, round(base * scale))


def fail(message):
    print("manager_peer: WRONG RESULT: " + message, file=sys.stderr, flush=True)
    raise SystemExit(1)


def atomic_incr(d, lock, _):
    with lock:
        d[KEY] += 1


def locked_incr(d, lock, _):
    lock.acquire()
    value = d.get(KEY)
    d[KEY] = value + 1
    lock.release()


def lock_cycle(_, lock, counter):
    lock.acquire()
    counter.value = counter.value + 1
    lock.release()


OPERATIONS = {
    "shared.map_atomic_incr_per_s": atomic_incr,
    "shared.map_locked_incr_per_s": locked_incr,
    "shared.lock_cycles_per_s": lock_cycle,
}


def child(case, d, lock, counter, n, barrier, spans):
    operation = OPERATIONS[case]
    for _ in range(WARMUP):
        operation(d, lock, counter)
    barrier.wait(TIMEOUT_S)
    start = time.monotonic_ns()
    for _ in range(n):
        operation(d, lock, counter)
    spans.put((start, time.monotonic_ns()))


def measure(case):
    n = ops(10_000)
    ctx = mp.get_context("fork")
    with ctx.Manager() as manager:
        d = manager.dict({KEY: 0})
        lock = manager.Lock()
        counter = ctx.RawValue("q", 0)
        barrier = ctx.Barrier(PROCESSES)
        spans = ctx.Queue()
        children = [ctx.Process(target=child, args=(case, d, lock, counter, n, barrier, spans), daemon=True)
                    for _ in range(PROCESSES)]
        for process in children:
            process.start()
        results = [spans.get(timeout=TIMEOUT_S) for _ in children]
        for process in children:
            process.join(TIMEOUT_S)
            if process.exitcode != 0:
                fail("worker exited with %s" % process.exitcode)
        total = PROCESSES * (WARMUP + n)
        final = counter.value if case == "shared.lock_cycles_per_s" else d[KEY]
        if final != total:
            fail("final count %d != %d" % (final, total))
    first = min(s for s, _ in results)
    last = max(e for _, e in results)
    together = min(e for _, e in results) - max(s for s, _ in results)
    seconds = (last - first) / 1e9
    print("manager_peer: %s n %d per process, span %.3f s, both running %.0f%% of it"
          % (case, n, seconds, 100 * max(0, together) / (last - first)), file=sys.stderr)
    return PROCESSES * n / seconds


CALL_CASE = "shared.manager_call_us"


def call_child(value, n, spans):
    for _ in range(WARMUP):
        value.get()
    start = time.monotonic_ns()
    for _ in range(n):
        if value.get() != 7:
            spans.put(None)
            return
    spans.put((start, time.monotonic_ns()))


def measure_call():
    n = ops(20_000)
    ctx = mp.get_context("fork")
    with ctx.Manager() as manager:
        value = manager.Value("q", 7)
        spans = ctx.Queue()
        child = ctx.Process(target=call_child, args=(value, n, spans), daemon=True)
        child.start()
        span = spans.get(timeout=TIMEOUT_S)
        child.join(TIMEOUT_S)
        if span is None or child.exitcode != 0:
            fail("a get() returned a wrong value or the child failed (%s)" % child.exitcode)
    return (span[1] - span[0]) / 1e3 / n


def main():
    case = sys.argv[1] if len(sys.argv) == 2 else ""
    if case == CALL_CASE:
        print(measure_call())
        return
    if case not in OPERATIONS:
        raise SystemExit("usage: manager_peer.py CASE, where CASE is one of: "
                         + ", ".join(list(OPERATIONS) + [CALL_CASE]))
    print(measure(case))


if __name__ == "__main__":
    main()
