"""Python multiprocessing peers of the runtime figures (issue 3; the Java side mirrors each case).

Usage: runtime_peer.py CASE   -- prints the figure, in the figure's unit, as the last stdout line;
diagnostics go to stderr. A wrong result exits non-zero instead of printing a figure.

Conventions for every case:
- Start method: 'fork' (Linux's default for multiprocessing in Python 3.11), except where named.
- Timer: time.perf_counter_ns() in the parent. "Median" is statistics.median of the runs.
- MB is 10**6 bytes everywhere (also for memory). 1 MiB is 2**20 bytes.
- JMP_BENCH_SCALE (default 1) scales each count below as max(floor, round(base * scale)); the
  floor is given per case ("base/floor"). Counts named "Scale.ops" use floor 1000, as the Java
  Scale.ops does.
- Pools are created and warmed before timing: pool start-up is never in a figure. Pool workers
  and child processes are daemonic and joined, so nothing outlives the script.
- A "no-op task" is noop(x) -> x on an int argument; results are checked against the inputs.

Cases:
spawn.cold_ms             ms, lower is better. One run: the clock starts, the parent builds a
                          Pipe(duplex=False) and a Process(target=child, args=(writer, token)),
                          starts it, and the clock stops when the parent has recv()'d the child's
                          first (and only) message (child pid, token); join() is outside the
                          clock. Checked: pid and token match. 2 untimed warm-up runs, then the
                          median of 20/3 runs. Start method 'fork' (the Linux default).
spawn.cold_ms.spawn       The same with the 'spawn' start method (a fresh interpreter that
                          re-imports this script). THIS is the one the issue's [40] ms figure
                          corresponds to: fork is a few ms, spawn is tens of ms. The Java side
                          (a fresh JVM per worker) is the analogue of 'spawn', and its peer in
                          bench/run should be this case.
pool.tiny_chunk1_tasks_per_s
                          tasks/s, higher is better. Pool(2), warmed with map(noop, range(2000),
                          chunksize=1). Timed: pool.map(noop, range(n), chunksize=1) with n =
                          20000 (Scale.ops), from the call to the returned list; the result must
                          equal list(range(n)). Median of 7 timed maps; figure n / median seconds.
pool.tiny_auto_tasks_per_s
                          The same with pool.map's default chunking (Python picks chunksize
                          ceil(n / (4 * processes)) = 2500 for n = 20000, i.e. 8 chunks).
apply.roundtrip_us        us, lower is better. Pool(2), warmed with 500 apply calls. Then
                          5000/200 calls pool.apply(noop, (i,)), each timed alone from the call
                          to its return; result must be i. Figure: median of the call times.
queue.small_msgs_per_s    msgs/s, higher is better. Queue() (unbounded) and a producer Process.
                          The producer puts 1000 untimed warm-up messages, waits on an Event,
                          then puts n = 100000 (Scale.ops) messages of exactly 16 bytes:
                          i.to_bytes(16, 'little') for i in 0..n-1. The parent get()s the warm-up
                          messages, starts the clock, sets the Event, get()s n messages and stops
                          the clock after the last get. The received messages are checked in
                          order after the clock stops. Figure n / seconds.
queue.1mib_mb_per_s       MB/s (10**6 bytes/s), higher is better. As above with Queue(maxsize=16),
                          4 warm-up messages and n = 1000/20 messages of exactly 1 MiB each:
                          the 8-byte little-endian sequence number followed by a fixed
                          (2**20 - 8)-byte pattern (byte k = k % 251). The parent checks each
                          message (length, sequence, pattern) as it arrives, inside the clock.
                          Figure n * 2**20 / 10**6 / seconds.
result.bytes_100mb_mb_per_s
                          MB/s, higher is better. Pool(1) whose initializer builds, in the
                          worker, a bytes object of s = 100_000_000/1_000_000 bytes (byte k =
                          k % 251) and keeps it in a global. One untimed warm-up transfer, then
                          3 timed pool.apply(fetch) calls (fetch returns that global), each from
                          the call to its return: building the value is not timed, only
                          serializing, moving and deserializing it. Each result is compared
                          byte for byte with a copy built in the parent. Figure s / 10**6 /
                          median seconds.
result.doubles_100mb_mb_per_s
                          The same with array('d') of s / 8 = 12_500_000 doubles, element k =
                          k * 0.5 (array('d') is the idiomatic and the fast way: it pickles as
                          one bytes block; a list of floats pickles element by element).
result.doubles_100mb_mb_per_s.list
                          Not a peer, for reference: the same with a list of 12.5M floats.
cpu.speedup_2workers      x (ratio), higher is better. The job: count the primes below N =
                          1_000_000/10_000 by trial division (is_prime below: odd divisors d
                          while d*d <= n), split into 100 chunks [k*N/100, (k+1)*N/100). One
                          process: the parent runs the chunks sequentially. Two workers:
                          Pool(2).map(count_primes, chunks, chunksize=1), pool created and warmed
                          before. Each side timed 3 times (alternating), both results checked
                          against a sieve. Figure: median sequential time / median pool time.
worker.idle_rss_mb        MB (10**6 bytes), lower is better. Pool(2), warmed with
                          map(noop, range(2000), chunksize=1), then 1 s idle. Figure: the mean
                          VmRSS (/proc/<pid>/status, kB = 1024 bytes) of the two workers (found
                          with multiprocessing.active_children()). With fork the RSS counts pages
                          still shared with the parent; Pss is printed to stderr for reference.
"""
import multiprocessing as mp
import os
import statistics
import sys
import time
from array import array

TIMEOUT_S = 300
PATTERN_MOD = 251


def scaled(base, floor):
    scale = float(os.environ.get("JMP_BENCH_SCALE") or 1.0)
    return max(floor, round(base * scale))


def ops(base):
    return scaled(base, 1000)


def log(*parts):
    print("runtime_peer:", *parts, file=sys.stderr, flush=True)


def fail(message):
    print("runtime_peer: WRONG RESULT: " + message, file=sys.stderr, flush=True)
    raise SystemExit(1)


def noop(x):
    return x


def pattern(size):
    block = bytes(range(PATTERN_MOD))
    return (block * (size // PATTERN_MOD + 1))[:size]


# ---- spawn ------------------------------------------------------------------------------------

def spawn_child(writer, token):
    writer.send((os.getpid(), token))
    writer.close()


def spawn_once(ctx, token):
    start = time.perf_counter_ns()
    reader, writer = ctx.Pipe(duplex=False)
    child = ctx.Process(target=spawn_child, args=(writer, token), daemon=True)
    child.start()
    if not reader.poll(TIMEOUT_S):
        fail("no message from the child within %d s" % TIMEOUT_S)
    pid, got = reader.recv()
    elapsed = time.perf_counter_ns() - start
    writer.close()
    reader.close()
    child.join(TIMEOUT_S)
    if child.exitcode != 0:
        fail("child exited with %s" % child.exitcode)
    if pid != child.pid or got != token:
        fail("child sent (%s, %s), expected (%s, %s)" % (pid, got, child.pid, token))
    return elapsed / 1e6


def spawn_cold_ms(method):
    ctx = mp.get_context(method)
    for k in range(2):
        spawn_once(ctx, -1 - k)
    runs = [spawn_once(ctx, k) for k in range(scaled(20, 3))]
    log(method, "runs ms:", " ".join("%.2f" % r for r in runs))
    return statistics.median(runs)


# ---- pool ---------------------------------------------------------------------------------

def warm_pool(processes):
    pool = mp.get_context("fork").Pool(processes)
    if pool.map_async(noop, range(2000), chunksize=1).get(TIMEOUT_S) != list(range(2000)):
        fail("warm-up map returned a wrong list")
    return pool


def close_pool(pool):
    pool.close()
    pool.join()


def pool_tiny(chunksize):
    n = ops(20000)
    expected = list(range(n))
    pool = warm_pool(2)
    try:
        runs = []
        for _ in range(7):
            start = time.perf_counter_ns()
            result = pool.map_async(noop, range(n), chunksize=chunksize).get(TIMEOUT_S)
            runs.append((time.perf_counter_ns() - start) / 1e9)
            if result != expected:
                fail("map returned a wrong list")
    finally:
        close_pool(pool)
    log("chunksize", chunksize, "n", n, "runs s:", " ".join("%.4f" % r for r in runs))
    return n / statistics.median(runs)


def apply_roundtrip_us():
    pool = warm_pool(2)
    try:
        for i in range(500):
            if pool.apply(noop, (i,)) != i:
                fail("warm-up apply returned a wrong value")
        runs = []
        for i in range(scaled(5000, 200)):
            start = time.perf_counter_ns()
            got = pool.apply(noop, (i,))
            runs.append((time.perf_counter_ns() - start) / 1e3)
            if got != i:
                fail("apply(noop, (%d,)) returned %r" % (i, got))
    finally:
        close_pool(pool)
    log("calls", len(runs), "min us %.1f" % min(runs), "mean us %.1f" % statistics.mean(runs),
        "p90 us %.1f" % sorted(runs)[len(runs) * 9 // 10])
    return statistics.median(runs)


# ---- queue --------------------------------------------------------------------------------

def small_producer(queue, warmup, n, go):
    for i in range(warmup):
        queue.put(i.to_bytes(16, "little"))
    go.wait()
    for i in range(n):
        queue.put(i.to_bytes(16, "little"))


def big_producer(queue, warmup, n, go):
    tail = pattern(2**20)[8:]
    for i in range(warmup):
        queue.put(i.to_bytes(8, "little") + tail)
    go.wait()
    for i in range(n):
        queue.put(i.to_bytes(8, "little") + tail)


def run_queue(producer, maxsize, warmup, n, consume):
    ctx = mp.get_context("fork")
    queue = ctx.Queue(maxsize)
    go = ctx.Event()
    child = ctx.Process(target=producer, args=(queue, warmup, n, go), daemon=True)
    child.start()
    for _ in range(warmup):
        queue.get(timeout=TIMEOUT_S)
    start = time.perf_counter_ns()
    go.set()
    received = consume(queue, n)
    seconds = (time.perf_counter_ns() - start) / 1e9
    child.join(TIMEOUT_S)
    if child.exitcode != 0:
        fail("producer exited with %s" % child.exitcode)
    return seconds, received


def queue_small_msgs_per_s():
    n = ops(100_000)

    def consume(queue, count):
        get = queue.get
        return [get(timeout=TIMEOUT_S) for _ in range(count)]

    seconds, received = run_queue(small_producer, 0, 1000, n, consume)
    for i, message in enumerate(received):
        if message != i.to_bytes(16, "little"):
            fail("message %d is %r" % (i, message))
    log("n", n, "seconds %.3f" % seconds)
    return n / seconds


def queue_1mib_mb_per_s():
    n = scaled(1000, 20)
    tail = pattern(2**20)[8:]

    def consume(queue, count):
        for i in range(count):
            message = queue.get(timeout=TIMEOUT_S)
            if len(message) != 2**20 or int.from_bytes(message[:8], "little") != i or message[8:] != tail:
                fail("message %d is wrong (length %d)" % (i, len(message)))
        return count

    seconds, _ = run_queue(big_producer, 16, 4, n, consume)
    log("n", n, "seconds %.3f" % seconds)
    return n * 2**20 / 1e6 / seconds


# ---- results ------------------------------------------------------------------------------

PAYLOAD = None


def build_payload(kind, size):
    if kind == "bytes":
        return pattern(size)
    if kind == "doubles":
        return array("d", (k * 0.5 for k in range(size // 8)))
    return [k * 0.5 for k in range(size // 8)]


def init_payload(kind, size):
    global PAYLOAD
    PAYLOAD = build_payload(kind, size)


def fetch_payload():
    return PAYLOAD


def result_mb_per_s(kind):
    size = scaled(100_000_000, 1_000_000) // 8 * 8
    expected = build_payload(kind, size)
    pool = mp.get_context("fork").Pool(1, initializer=init_payload, initargs=(kind, size))
    try:
        runs = []
        for k in range(4):
            start = time.perf_counter_ns()
            result = pool.apply_async(fetch_payload).get(TIMEOUT_S)
            seconds = (time.perf_counter_ns() - start) / 1e9
            if type(result) is not type(expected) or result != expected:
                fail("transfer %d returned a different %s" % (k, type(result).__name__))
            del result
            if k > 0:
                runs.append(seconds)
    finally:
        close_pool(pool)
    log(kind, "size", size, "warm-up excluded, runs s:", " ".join("%.3f" % r for r in runs))
    return size / 1e6 / statistics.median(runs)


# ---- cpu ------------------------------------------------------------------------------------

def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def count_primes(bounds):
    lo, hi = bounds
    return sum(1 for n in range(lo, hi) if is_prime(n))


def sieve_count(limit):
    flags = bytearray([1]) * limit
    flags[:2] = b"\0\0"[:limit]
    for p in range(2, int(limit**0.5) + 1):
        if flags[p]:
            flags[p * p::p] = bytes(len(range(p * p, limit, p)))
    return sum(flags)


def cpu_speedup_2workers():
    limit = scaled(1_000_000, 10_000)
    chunks = [(k * limit // 100, (k + 1) * limit // 100) for k in range(100)]
    expected = sieve_count(limit)
    pool = warm_pool(2)
    try:
        pool.map_async(count_primes, [(0, 1000)] * 4, chunksize=1).get(TIMEOUT_S)
        sequential, parallel = [], []
        for _ in range(3):
            start = time.perf_counter_ns()
            got = sum(count_primes(c) for c in chunks)
            sequential.append((time.perf_counter_ns() - start) / 1e9)
            if got != expected:
                fail("sequential count %d != %d" % (got, expected))
            start = time.perf_counter_ns()
            got = sum(pool.map_async(count_primes, chunks, chunksize=1).get(TIMEOUT_S))
            parallel.append((time.perf_counter_ns() - start) / 1e9)
            if got != expected:
                fail("pool count %d != %d" % (got, expected))
    finally:
        close_pool(pool)
    log("primes below", limit, "=", expected, "sequential s:", " ".join("%.3f" % s for s in sequential),
        "pool(2) s:", " ".join("%.3f" % s for s in parallel))
    return statistics.median(sequential) / statistics.median(parallel)


# ---- memory ---------------------------------------------------------------------------------

def proc_kb(path, field):
    with open(path) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    fail("no %s in %s" % (field, path))


def worker_idle_rss_mb():
    pool = warm_pool(2)
    try:
        time.sleep(1.0)
        workers = [p.pid for p in mp.active_children()]
        if len(workers) != 2:
            fail("expected 2 pool workers, found %d" % len(workers))
        rss = [proc_kb("/proc/%d/status" % pid, "VmRSS") * 1024 / 1e6 for pid in workers]
        pss = [proc_kb("/proc/%d/smaps_rollup" % pid, "Pss") * 1024 / 1e6 for pid in workers]
    finally:
        close_pool(pool)
    log("worker VmRSS MB:", " ".join("%.1f" % r for r in rss), "Pss MB:", " ".join("%.1f" % p for p in pss),
        "parent VmRSS MB: %.1f" % (proc_kb("/proc/self/status", "VmRSS") * 1024 / 1e6))
    return statistics.mean(rss)


CASES = {
    "spawn.cold_ms": lambda: spawn_cold_ms("fork"),
    "spawn.cold_ms.spawn": lambda: spawn_cold_ms("spawn"),
    "pool.tiny_chunk1_tasks_per_s": lambda: pool_tiny(1),
    "pool.tiny_auto_tasks_per_s": lambda: pool_tiny(None),
    "apply.roundtrip_us": apply_roundtrip_us,
    "queue.small_msgs_per_s": queue_small_msgs_per_s,
    "queue.1mib_mb_per_s": queue_1mib_mb_per_s,
    "result.bytes_100mb_mb_per_s": lambda: result_mb_per_s("bytes"),
    "result.doubles_100mb_mb_per_s": lambda: result_mb_per_s("doubles"),
    "result.doubles_100mb_mb_per_s.list": lambda: result_mb_per_s("list"),
    "cpu.speedup_2workers": cpu_speedup_2workers,
    "worker.idle_rss_mb": worker_idle_rss_mb,
}


def main():
    case = sys.argv[1] if len(sys.argv) == 2 else ""
    if case not in CASES:
        raise SystemExit("usage: runtime_peer.py CASE, where CASE is one of: " + ", ".join(CASES))
    print(CASES[case]())


if __name__ == "__main__":
    main()
