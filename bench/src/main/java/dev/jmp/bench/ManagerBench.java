package dev.jmp.bench;

import dev.jmp.Jmp;
import dev.jmp.shared.Manager;
import dev.jmp.Process;
import dev.jmp.shared.Shared;
import dev.jmp.shared.SharedBarrier;
import dev.jmp.shared.SharedCounter;
import dev.jmp.shared.SharedInt;
import dev.jmp.shared.SharedLock;
import dev.jmp.shared.SharedMap;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The manager figures of issue 4, mirroring {@code bench/py/manager_peer.py} case by case: one
 * {@link Manager} started before timing; two worker processes ({@link Process}) use proxies to
 * its objects; each does 10,000 untimed warm-up operations (the peer: 200), waits on a shared barrier of 2, then
 * does {@code n} timed operations ({@code Scale.ops(10000)}), reading {@code System.nanoTime()}
 * (one monotonic clock for every process on the host) just after the barrier and after its last
 * operation. Figure: {@code 2n} over the span from the earliest start to the latest end. The
 * final count is checked exactly, so a fast wrong answer fails.
 */
public final class ManagerBench implements BenchSuite {

    /**
     * Untimed operations per process before the barrier. More than the peer's 200: a JVM needs
     * a few thousand calls before the JIT has compiled the call path (the Python interpreter
     * needs none), and the figures should compare steady states.
     */
    private static final int WARMUP = 10_000;

    @Override
    public List<Figure> figures() {
        return List.of(
                Figure.higherIsBetter("shared.map_atomic_incr_per_s", "ops/s", "manager_peer.py",
                        "shared.map_atomic_incr_per_s", ManagerBench::mapAtomic),
                Figure.higherIsBetter("shared.map_locked_incr_per_s", "ops/s", "manager_peer.py",
                        "shared.map_locked_incr_per_s", ManagerBench::mapLocked),
                Figure.higherIsBetter("shared.lock_cycles_per_s", "cycles/s", "manager_peer.py",
                        "shared.lock_cycles_per_s", ManagerBench::lockCycles),
                Figure.lowerIsBetter("shared.manager_call_us", "us", "manager_peer.py",
                        "shared.manager_call_us", ManagerBench::callLatency));
    }

    /** One timed operation, run in a worker. */
    interface Op extends Serializable {
        void run() throws Exception;
    }

    private static double twoProcesses(Manager m, int n, Op op) {
        SharedBarrier start = m.barrier(2);
        List<Process> ps = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            ps.add(new Process(() -> {
                for (int i = 0; i < WARMUP; i++) {
                    op.run();
                }
                start.await();
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    op.run();
                }
                return new long[] {t0, System.nanoTime()};
            }).start());
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Process p : ps) {
            p.join();
            if (p.exitCode() == null || p.exitCode() != 0) {
                throw new IllegalStateException(p + " failed: " + p.exception());
            }
            long[] span = (long[]) p.result();
            first = Math.min(first, span[0]);
            last = Math.max(last, span[1]);
        }
        return 2.0 * n / ((last - first) / 1e9);
    }

    private static void check(long expected, long actual, String what) {
        if (expected != actual) {
            throw new IllegalStateException(what + ": WRONG RESULT " + actual + ", expected " + expected);
        }
    }

    static double mapAtomic() {
        int n = Scale.ops(10_000);
        try (Manager m = new Manager()) {
            SharedMap<String, Integer> d = m.dict();
            d.put("key", 0);
            double figure = twoProcesses(m, n, () -> d.merge("key", 1, Integer::sum));
            check(2L * (WARMUP + n), d.get("key"), "shared.map_atomic_incr_per_s");
            return figure;
        } finally {
            Jmp.shutdown();
        }
    }

    static double mapLocked() {
        int n = Scale.ops(10_000);
        try (Manager m = new Manager()) {
            SharedMap<String, Integer> d = m.dict();
            SharedLock lock = m.lock();
            d.put("key", 0);
            double figure = twoProcesses(m, n, () -> {
                lock.lock();
                int v = d.get("key");
                d.put("key", v + 1);
                lock.unlock();
            });
            check(2L * (WARMUP + n), d.get("key"), "shared.map_locked_incr_per_s");
            return figure;
        } finally {
            Jmp.shutdown();
        }
    }

    static double lockCycles() {
        int n = Scale.ops(10_000);
        try (Manager m = new Manager(); SharedInt c = Shared.intValue(0)) {
            SharedLock lock = m.lock();
            double figure = twoProcesses(m, n, () -> {
                lock.lock();
                c.set(c.get() + 1);
                lock.unlock();
            });
            check(2L * (WARMUP + n), c.get(), "shared.lock_cycles_per_s");
            return figure;
        } finally {
            Jmp.shutdown();
        }
    }

    /**
     * Microseconds per manager call from one worker: {@code get()} on a counter holding 7,
     * {@code WARMUP} untimed, then {@code Scale.ops(20000)} timed, each answer checked.
     */
    static double callLatency() {
        int n = Scale.ops(20_000);
        try (Manager m = new Manager()) {
            SharedCounter c = m.counter(7);
            Process p = new Process(() -> {
                for (int i = 0; i < WARMUP; i++) {
                    c.get();
                }
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    if (c.get() != 7) {
                        throw new IllegalStateException("WRONG RESULT from the manager counter");
                    }
                }
                return (System.nanoTime() - t0) / 1e3 / n;
            }).start();
            p.join();
            if (p.exitCode() == null || p.exitCode() != 0) {
                throw new IllegalStateException(p + " failed: " + p.exception());
            }
            return (double) p.result();
        } finally {
            Jmp.shutdown();
        }
    }
}
