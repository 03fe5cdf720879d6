"""Python multiprocessing peers of the runtime figures (bench/src/.../RuntimeBench.java).

Usage: runtime_peer.py CASE   -- prints the figure, in the Java figure's unit, as its last line.

Cases: spawn_cold (ms), spawn_hundred (s), tiny_chunk1, tiny_auto (tasks/s), apply (us), apply_wakeups
(context switches per apply), queue_small (msgs/s),
queue_1mib (MB/s), result_bytes, result_doubles (MB/s), cpu (speedup), idle_rss (MB).
Each does what the Java side does, with the default start method of this platform (fork on
Linux), and checks its results.
"""
import multiprocessing as mp
import os
import statistics
import sys
import time

MIB = 1 << 20


def ops(base):
    scale = float(os.environ.get("JMP_BENCH_SCALE") or 1.0)
    return max(1000, round(base * scale))


def check(ok, what):
    if not ok:
        raise SystemExit("wrong result: " + what)


def noop(x=None):
    return x


def two():
    return 2


def spawn_cold():
    with mp.Pool(1) as p:
        p.apply(noop)
    times = []
    for _ in range(10):
        t0 = time.perf_counter()
        p = mp.Pool(1)
        v = p.apply(two)
        times.append((time.perf_counter() - t0) * 1e3)
        check(v == 2, "apply")
        p.terminate()
        p.join()
    return statistics.median(times)


def one():
    return 1


def spawn_hundred():
    """100 processes of the spawn start method (a fresh interpreter each, as a jmp worker is a
    fresh JVM), each running a target that returns 1, from the first start to the last join; one
    untimed process first."""
    ctx = mp.get_context("spawn")
    p = ctx.Process(target=one)
    p.start()
    p.join()
    t0 = time.perf_counter()
    ps = [ctx.Process(target=one) for _ in range(100)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    s = time.perf_counter() - t0
    check(all(p.exitcode == 0 for p in ps), "exit codes")
    return s


def tiny(chunksize):
    n = ops(20_000)
    items = list(range(n))
    rates = []
    with mp.Pool(2) as p:
        for rnd in range(4):
            t0 = time.perf_counter()
            out = p.map(noop, items, chunksize) if chunksize else p.map(noop, items)
            s = time.perf_counter() - t0
            check(out == items, "map")
            if rnd > 0:
                rates.append(n / s)
    return statistics.median(rates)


def seven():
    return 7


def apply_roundtrip():
    n = ops(5000)
    with mp.Pool(1) as p:
        for _ in range(2000):
            p.apply(noop)
        t0 = time.perf_counter()
        for _ in range(n):
            check(p.apply(seven) == 7, "apply")
        return (time.perf_counter() - t0) * 1e6 / n


def voluntary_switches(pid):
    total = 0
    for task in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/status" % (pid, task)) as f:
                for line in f:
                    if line.startswith("voluntary_ctxt_switches:"):
                        total += int(line.split()[1])
        except OSError:
            pass  # the thread ended meanwhile
    return total


def apply_wakeups():
    n = ops(5000)
    with mp.Pool(1) as p:
        worker = p.apply(os.getpid)
        for _ in range(2000):
            p.apply(noop)
        before = voluntary_switches(os.getpid()) + voluntary_switches(worker)
        for _ in range(n):
            check(p.apply(seven) == 7, "apply")
        return (voluntary_switches(os.getpid()) + voluntary_switches(worker) - before) / n


def queue_child(q, go, size, n):
    for _ in range(2):
        go.get()
        for i in range(n):
            b = bytearray(size)
            b[0] = i & 0xFF
            q.put(bytes(b))


def queue(size, n):
    q = mp.Queue()
    go = mp.Queue()
    child = mp.Process(target=queue_child, args=(q, go, size, n))
    child.start()
    result = 0
    for rnd in range(2):
        t0 = time.perf_counter()
        go.put(rnd)
        for i in range(n):
            b = q.get()
            check(len(b) == size and b[0] == i & 0xFF, "message %d" % i)
        s = time.perf_counter() - t0
        result = n * size / MIB / s if size >= MIB else n / s
    child.join()
    return result


def make_bytes(n):
    return bytes(n)


def make_doubles(n):
    return [float(i) for i in range(n)]


def big_result(doubles):
    with mp.Pool(1) as p:
        for _ in range(5):
            p.apply(make_doubles if doubles else make_bytes, (MIB // 8 if doubles else MIB,))
        best = 0
        for _ in range(3):
            t0 = time.perf_counter()
            r = p.apply(make_doubles if doubles else make_bytes, (100 * MIB // 8 if doubles else 100 * MIB,))
            s = time.perf_counter() - t0
            check(len(r) == (100 * MIB // 8 if doubles else 100 * MIB), "size")
            best = max(best, 100 / s)
        return best


def primes(rng):
    lo, hi = rng
    count = 0
    for n in range(max(2, lo), hi):
        d = 2
        prime = True
        while d * d <= n:
            if n % d == 0:
                prime = False
                break
            d += 1
        if prime:
            count += 1
    return count


def cpu():
    n = ops(300_000)
    slices = 32
    ranges = [(n * i // slices, n * (i + 1) // slices) for i in range(slices)]
    with mp.Pool(2) as p:
        p.map(primes, [(0, 1000)] * 2, 1)
        t0 = time.perf_counter()
        single = primes((0, n))
        one = time.perf_counter() - t0
        t0 = time.perf_counter()
        parallel = sum(p.map(primes, ranges, 1))
        two_workers = time.perf_counter() - t0
    check(single == parallel, "prime count")
    return one / two_workers


def idle_rss():
    with mp.Pool(1) as p:
        pid = p.apply(os.getpid)
        time.sleep(2)
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    raise SystemExit("no VmRSS")


CASES = {
    "spawn_cold": spawn_cold,
    "spawn_hundred": spawn_hundred,
    "tiny_chunk1": lambda: tiny(1),
    "tiny_auto": lambda: tiny(None),
    "apply": apply_roundtrip,
    "apply_wakeups": apply_wakeups,
    "queue_small": lambda: queue(16, ops(100_000)),
    "queue_1mib": lambda: queue(MIB, 200),
    "result_bytes": lambda: big_result(False),
    "result_doubles": lambda: big_result(True),
    "cpu": cpu,
    "idle_rss": idle_rss,
}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in CASES:
        raise SystemExit("usage: runtime_peer.py " + "|".join(CASES))
    print(CASES[sys.argv[1]]())
