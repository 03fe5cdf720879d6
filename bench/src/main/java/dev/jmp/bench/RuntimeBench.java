package dev.jmp.bench;

import dev.jmp.AsyncResult;
import dev.jmp.Jmp;
import dev.jmp.Pool;
import dev.jmp.Process;
import dev.jmp.Queue;
import dev.jmp.Worker;
import dev.jmp.spi.WorkerInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The runtime's figures (issue 3): worker start, pool throughput, round trips, queues, large
 * results, CPU scaling and idle memory, each through the public API, each with its Python
 * {@code multiprocessing} peer in {@code bench/py/runtime_peer.py}. Every measurement warms the
 * JIT first, checks its results, and shuts the runtime down after itself.
 */
public final class RuntimeBench implements BenchSuite {

    private static final String PEER = "runtime_peer.py";
    private static final int MIB = 1 << 20;

    @Override
    public List<Figure> figures() {
        return List.of(
                Figure.lowerIsBetter("spawn.cold_ms", "ms", PEER, "spawn_cold", RuntimeBench::spawnCold),
                Figure.lowerIsBetter("spawn.warm_ms", "ms", PEER, "spawn_cold", RuntimeBench::spawnWarm),
                Figure.lowerIsBetter("spawn.hundred_s", "s", PEER, "spawn_hundred", RuntimeBench::spawnHundred),
                Figure.higherIsBetter("pool.tiny_chunk1_tasks_per_s", "tasks/s", PEER, "tiny_chunk1",
                        () -> tiny(1)),
                Figure.higherIsBetter("pool.tiny_auto_tasks_per_s", "tasks/s", PEER, "tiny_auto", () -> tiny(0)),
                Figure.lowerIsBetter("apply.roundtrip_us", "us", PEER, "apply", RuntimeBench::applyRoundTrip),
                Figure.lowerIsBetter("apply.wakeups", "switches", PEER, "apply_wakeups", RuntimeBench::applyWakeups),
                Figure.higherIsBetter("queue.small_msgs_per_s", "msgs/s", PEER, "queue_small",
                        () -> queue(16, Scale.ops(100_000))),
                Figure.higherIsBetter("queue.1mib_mb_per_s", "MB/s", PEER, "queue_1mib", () -> queue(MIB, 200)),
                Figure.higherIsBetter("result.bytes_100mb_mb_per_s", "MB/s", PEER, "result_bytes",
                        () -> bigResult(false)),
                Figure.higherIsBetter("result.doubles_100mb_mb_per_s", "MB/s", PEER, "result_doubles",
                        () -> bigResult(true)),
                Figure.higherIsBetter("cpu.speedup_2workers", "x", PEER, "cpu", RuntimeBench::cpuSpeedup),
                Figure.lowerIsBetter("worker.idle_rss_mb", "MB", PEER, "idle_rss", RuntimeBench::idleRss));
    }

    private static void fresh() {
        Jmp.shutdown();
        Jmp.setOutputEcho(false);
        Jmp.setWarmWorkers(0);
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("wrong result: " + what);
        }
    }

    /**
     * Waits (3 s at least, 120 s at most) for the workers' class archive: its training worker, and on
     * Java 25 the JVM that assembles the ahead-of-time cache, are this JVM's child processes.
     */
    private static void awaitArchive() throws InterruptedException {
        Thread.sleep(3000);
        long deadline = System.currentTimeMillis() + 120_000;
        while (ProcessHandle.current().children().anyMatch(ProcessHandle::isAlive) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
    }

    /** Start one worker (a pool of one) until its first result; median of 10. */
    static double spawnCold() throws Exception {
        fresh();
        try {
            try (Pool first = new Pool(1)) {
                check(first.apply(() -> 1) == 1, "first apply");
            }
            awaitArchive();
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long t0 = System.nanoTime();
                Pool p = new Pool(1);
                int v = p.apply(() -> 2);
                times.add((System.nanoTime() - t0) / 1e6);
                check(v == 2, "apply");
                p.terminate();
            }
            return median(times);
        } finally {
            Jmp.shutdown();
        }
    }

    /**
     * 100 processes each returning 1, from the first start to the last join, no warm workers (the
     * launch queue bounds how many JVMs start at once); one untimed process first.
     */
    static double spawnHundred() throws Exception {
        fresh();
        try {
            check(Integer.valueOf(1).equals(new Process((dev.jmp.function.SerialCallable<Integer>) () -> 1).start()
                    .join().result()), "first process");
            long t0 = System.nanoTime();
            List<Process> ps = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ps.add(new Process((dev.jmp.function.SerialCallable<Integer>) () -> 1).start());
            }
            for (Process p : ps) {
                p.join();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            for (Process p : ps) {
                check(p.exitCode() == 0 && Integer.valueOf(1).equals(p.result()), "process " + p.pid());
            }
            return s;
        } finally {
            Jmp.shutdown();
        }
    }

    private static void awaitWarm() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            List<WorkerInfo> workers = Jmp.workers(Duration.ZERO);
            boolean ready = workers.stream().anyMatch(w -> w.state().equals("idle"))
                    && workers.stream().noneMatch(w -> w.state().equals("starting"));
            if (ready) {
                break;
            }
            Thread.sleep(10);
        }
        Thread.sleep(1000);
    }

    /** The same from the warm set: a pre-started worker serves the pool; median of 10. */
    static double spawnWarm() throws Exception {
        fresh();
        try {
            Jmp.setWarmWorkers(1);
            Jmp.start();
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                awaitWarm();
                long t0 = System.nanoTime();
                Pool p = new Pool(1);
                int v = p.apply(() -> 3);
                double ms = (System.nanoTime() - t0) / 1e6;
                if (i > 0) {
                    times.add(ms);
                }
                check(v == 3, "apply");
                p.terminate();
            }
            return median(times);
        } finally {
            Jmp.shutdown();
        }
    }

    /** 20k no-op tasks on 2 workers, chunk size 1 or adaptive (0); median of 3 after a warm-up. */
    static double tiny(int chunksize) throws Exception {
        fresh();
        int n = Scale.ops(20_000);
        List<Integer> items = IntStream.range(0, n).boxed().collect(Collectors.toList());
        try (Pool pool = new Pool(2)) {
            List<Double> rates = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                long t0 = System.nanoTime();
                List<Integer> out = chunksize > 0 ? pool.map(x -> x, items, chunksize) : pool.map(x -> x, items);
                double s = (System.nanoTime() - t0) / 1e9;
                check(out.equals(items), "map");
                if (round > 0) {
                    rates.add(n / s);
                }
            }
            return median(rates);
        } finally {
            Jmp.shutdown();
        }
    }

    /** Mean round trip of one apply on a warm pool of one. */
    static double applyRoundTrip() throws Exception {
        fresh();
        int n = Scale.ops(5000);
        try (Pool pool = new Pool(1)) {
            for (int i = 0; i < 2000; i++) {
                pool.apply(() -> 0);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                check(pool.apply(() -> 7) == 7, "apply");
            }
            return (System.nanoTime() - t0) / 1e3 / n;
        } finally {
            Jmp.shutdown();
        }
    }

    /**
     * What bounds {@code apply.roundtrip_us} on a busy machine, counted rather than timed: the
     * voluntary context switches (a thread blocking, to be woken later) of every thread of the
     * parent and of the pool's worker per {@code apply}, over the same loop. Each is a wake-up a
     * round trip waits for; on a loaded machine each waits its turn for a core.
     */
    static double applyWakeups() throws Exception {
        fresh();
        int n = Scale.ops(5000);
        try (Pool pool = new Pool(1)) {
            long worker = pool.apply(Worker::pid);
            long self = ProcessHandle.current().pid();
            for (int i = 0; i < 2000; i++) {
                pool.apply(() -> 0);
            }
            long before = voluntarySwitches(self) + voluntarySwitches(worker);
            for (int i = 0; i < n; i++) {
                check(pool.apply(() -> 7) == 7, "apply");
            }
            return (voluntarySwitches(self) + voluntarySwitches(worker) - before) / (double) n;
        } finally {
            Jmp.shutdown();
        }
    }

    /** The voluntary context switches of every live thread of a process, from {@code /proc}. */
    private static long voluntarySwitches(long pid) throws Exception {
        long sum = 0;
        try (var tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            sum += Long.parseLong(line.replaceAll("[^0-9]", ""));
                        }
                    }
                } catch (java.io.IOException e) {
                    // the thread ended meanwhile: its switches are gone from both counts' view
                }
            }
        }
        return sum;
    }

    /**
     * A child process puts {@code n} messages of {@code size} bytes; the parent gets them.
     * Two rounds, the second timed; msgs/s for small messages, MB/s (MiB) for large ones.
     */
    static double queue(int size, int n) throws Exception {
        fresh();
        try {
            Queue<byte[]> q = new Queue<>();
            Queue<Integer> go = new Queue<>();
            Process child = new Process(() -> {
                for (int round = 0; round < 2; round++) {
                    go.get();
                    for (int i = 0; i < n; i++) {
                        byte[] b = new byte[size];
                        b[0] = (byte) i;
                        q.put(b);
                    }
                }
            }).start();
            double result = 0;
            for (int round = 0; round < 2; round++) {
                long t0 = System.nanoTime();
                go.put(round);
                for (int i = 0; i < n; i++) {
                    byte[] b = q.get();
                    check(b.length == size && b[0] == (byte) i, "message " + i);
                }
                double s = (System.nanoTime() - t0) / 1e9;
                result = size >= MIB ? (double) n * size / MIB / s : n / s;
            }
            child.join();
            return result;
        } finally {
            Jmp.shutdown();
        }
    }

    /** One 100 MiB result (byte[] or double[]) from a warm worker; best of 3, MB (MiB) per second. */
    static double bigResult(boolean doubles) throws Exception {
        fresh();
        try (Pool pool = new Pool(1)) {
            for (int i = 0; i < 5; i++) {
                pool.apply(() -> doubles ? (Object) new double[MIB / 8] : new byte[MIB]);
            }
            double best = 0;
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                Object r = pool.apply(() -> doubles ? (Object) new double[100 * MIB / 8] : new byte[100 * MIB]);
                double s = (System.nanoTime() - t0) / 1e9;
                check(doubles ? ((double[]) r).length == 100 * MIB / 8 : ((byte[]) r).length == 100 * MIB, "size");
                best = Math.max(best, 100 / s);
            }
            return best;
        } finally {
            Jmp.shutdown();
        }
    }

    /** Counts primes in [from, to) by trial division: branchy integer work the JIT cannot vectorize. */
    static long primes(long from, long to) {
        long count = 0;
        for (long n = Math.max(2, from); n < to; n++) {
            boolean prime = true;
            for (long d = 2; d * d <= n; d++) {
                if (n % d == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                count++;
            }
        }
        return count;
    }

    /** A CPU-bound job on 2 workers (32 slices) against the same job on one thread here. */
    static double cpuSpeedup() throws Exception {
        fresh();
        long n = Scale.ops(3_000_000);
        int slices = 32;
        List<long[]> ranges = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
            ranges.add(new long[] {n * i / slices, n * (i + 1) / slices});
        }
        try (Pool pool = new Pool(2)) {
            // One untimed run of the exact job on both sides: the figure is about parallel speed-up,
            // so both measure compiled code.
            primes(0, n);
            pool.map(r -> primes(r[0], r[1]), ranges, 1);
            long t0 = System.nanoTime();
            long single = primes(0, n);
            double oneThread = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            long parallel = pool.map(r -> primes(r[0], r[1]), ranges, 1).stream().mapToLong(Long::longValue).sum();
            double twoWorkers = (System.nanoTime() - t0) / 1e9;
            check(single == parallel, "prime count " + single + " vs " + parallel);
            return oneThread / twoWorkers;
        } finally {
            Jmp.shutdown();
        }
    }

    /** Resident memory of an idle warm worker, MiB. */
    static double idleRss() throws Exception {
        fresh();
        try {
            Jmp.setWarmWorkers(1);
            Jmp.start();
            awaitWarm();
            Thread.sleep(2000);
            long pid = Jmp.workers(Duration.ZERO).get(0).pid();
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            throw new IllegalStateException("no VmRSS for worker " + pid);
        } finally {
            Jmp.shutdown();
        }
    }

    /** For a quick look without the harness: prints each figure's jmp value. */
    public static void main(String[] args) throws Exception {
        for (Figure f : new RuntimeBench().figures()) {
            if (args.length == 0 || List.of(args).stream().anyMatch(a -> f.name().startsWith(a))) {
                System.out.println(f.name() + " " + f.measurement().measure() + " " + f.unit());
            }
        }
        System.out.println("worker pid check: " + Worker.pid());
    }
}
