package dev.jmp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The manager benchmark figures, as a standalone program until they move into the
 * {@code bench/} harness: it mirrors {@code bench/py/manager_peer.py} case by case (2 worker
 * processes, 200 untimed warm-up operations each, a barrier, then {@code n} timed operations
 * each; the figure is {@code 2n} over the span from the earliest start to the latest end; the
 * final count is checked exactly). Prints one line per figure: {@code name value}.
 *
 * <pre>
 * java -cp runtime/target/classes:runtime/target/test-classes:JEROMQ:GSON dev.jmp.ManagerBenchMain [n]
 * </pre>
 */
public final class ManagerBenchMain {

    private static final int WARMUP = 200;

    private ManagerBenchMain() {
    }

    /** Runs every figure. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try {
            print("shared.map_atomic_incr_per_s", mapAtomic(n));
            print("shared.map_locked_incr_per_s", mapLocked(n));
            print("shared.lock_cycles_per_s", lockCycles(n));
        } finally {
            Jmp.shutdown();
        }
    }

    private static void print(String name, double value) {
        System.out.println(String.format(Locale.ROOT, "%s %.0f", name, value));
    }

    /** One timed operation of a case, run in a worker. */
    interface Op extends java.io.Serializable {
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
            if (p.exitCode() != 0) {
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

    static double mapAtomic(int n) {
        try (Manager m = new Manager()) {
            SharedMap<String, Integer> d = m.dict();
            d.put("key", 0);
            double figure = twoProcesses(m, n, () -> d.merge("key", 1, Integer::sum));
            check(2L * (WARMUP + n), d.get("key"), "map_atomic");
            return figure;
        }
    }

    static double mapLocked(int n) {
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
            check(2L * (WARMUP + n), d.get("key"), "map_locked");
            return figure;
        }
    }

    static double lockCycles(int n) throws IOException {
        Path file = Files.createTempFile("jmp-bench-int", ".bin");
        try (Manager m = new Manager()) {
            Files.write(file, new byte[8]);
            String path = file.toString();
            SharedLock lock = m.lock();
            double figure = twoProcesses(m, n, () -> {
                MappedByteBuffer c = PlainInt.at(path);
                lock.lock();
                c.putInt(0, c.getInt(0) + 1);
                lock.unlock();
            });
            check(2L * (WARMUP + n), PlainInt.at(path).getInt(0), "lock_cycles");
            return figure;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A plain int in a mapped file (like Python's {@code RawValue}): no lock of its own. */
    static final class PlainInt {
        private static MappedByteBuffer cached;
        private static String cachedPath;

        private PlainInt() {
        }

        static synchronized MappedByteBuffer at(String path) {
            if (!path.equals(cachedPath)) {
                try (FileChannel ch = FileChannel.open(Path.of(path), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    cached = ch.map(FileChannel.MapMode.READ_WRITE, 0, 8);
                    cached.order(ByteOrder.nativeOrder());
                    cachedPath = path;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return cached;
        }
    }
}
