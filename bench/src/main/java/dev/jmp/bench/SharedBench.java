package dev.jmp.bench;

import dev.jmp.shared.SharedDoubleArray;
import dev.jmp.shared.SharedInt;
import java.util.ArrayList;
import java.util.List;

/**
 * Figures of the same-host fast path for shared values and arrays (issue 4): two processes
 * updating one memory-mapped object, against Python's {@code Value}/{@code Array} with their
 * locks ({@code bench/py/shared_peer.py}). Each run also checks the final count, so a fast
 * but lossy result fails instead of being printed.
 */
public final class SharedBench implements BenchSuite {

    static final int PROCESSES = 2;
    static final int ARRAY_LENGTH = 1000;

    /** Creates the suite (for {@link java.util.ServiceLoader}). */
    public SharedBench() {
    }

    @Override
    public List<Figure> figures() {
        return List.of(
                Figure.higherIsBetter("shared.counter_incr_per_s", "ops/s", "shared_peer.py", "counter",
                        SharedBench::counterIncrements),
                Figure.higherIsBetter("shared.array_atomic_add_per_s", "ops/s", "shared_peer.py", "array",
                        SharedBench::arrayAdds));
    }

    /** Two processes call {@code incrementAndGet} on one {@code SharedInt}. */
    static double counterIncrements() throws Exception {
        int n = Scale.ops(50_000_000);
        try (SharedInt counter = new SharedInt()) {
            double seconds = runTogether(counter, "counter", n, () -> counter.set(0));
            if (counter.get() != PROCESSES * n) {
                throw new IllegalStateException("lost updates: " + counter.get() + " != " + PROCESSES * n);
            }
            return PROCESSES * (double) n / seconds;
        }
    }

    /** Two processes add 1.0 atomically to the elements of one {@code SharedDoubleArray}, in turn. */
    static double arrayAdds() throws Exception {
        int n = Scale.ops(25_000_000);
        try (SharedDoubleArray array = new SharedDoubleArray(ARRAY_LENGTH)) {
            double seconds = runTogether(array, "array", n, () -> array.fill(0.0));
            double sum = 0;
            for (double v : array.toArray()) {
                sum += v;
            }
            if (sum != PROCESSES * (double) n) {
                throw new IllegalStateException("lost updates: " + sum + " != " + PROCESSES * n);
            }
            return PROCESSES * (double) n / seconds;
        }
    }

    /** Starts the children, resets the object after their warm-up, releases them together and
     *  returns the seconds from the first start to the last end. */
    private static double runTogether(Object shared, String mode, int n, Runnable reset) throws Exception {
        String proxy = JavaChild.encode(shared);
        List<JavaChild> children = new ArrayList<>();
        try {
            for (int k = 0; k < PROCESSES; k++) {
                JavaChild child = new JavaChild(SharedBenchChild.class, mode, String.valueOf(n),
                        String.valueOf(k * ARRAY_LENGTH / PROCESSES));
                children.add(child);
                child.send(proxy);
            }
            for (JavaChild child : children) {
                child.expect("ready");
            }
            reset.run();
            for (JavaChild child : children) {
                child.send("go");
            }
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            long latestStart = Long.MIN_VALUE;
            long earliestEnd = Long.MAX_VALUE;
            for (JavaChild child : children) {
                String[] done = child.expect("done ").split(" ");
                long start = Long.parseLong(done[1]);
                long end = Long.parseLong(done[2]);
                first = Math.min(first, start);
                last = Math.max(last, end);
                latestStart = Math.max(latestStart, start);
                earliestEnd = Math.min(earliestEnd, end);
            }
            // Contention is the point: say how much of the span both processes ran together.
            System.err.printf("bench:   %s: %d processes x %d ops in %.3f s, running together %.0f%% of it%n",
                    mode, PROCESSES, n, (last - first) / 1e9,
                    100.0 * Math.max(0, earliestEnd - latestStart) / (last - first));
            return (last - first) / 1e9;
        } finally {
            for (JavaChild child : children) {
                child.close();
            }
        }
    }
}
