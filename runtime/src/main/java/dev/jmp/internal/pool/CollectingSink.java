package dev.jmp.internal.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** Collects every item's result of a job, in input order, and completes when the job ends. */
public final class CollectingSink implements JobSink {

    private final List<ItemResult> results;
    private final CompletableFuture<List<ItemResult>> done = new CompletableFuture<>();
    private final AtomicLong finished = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /** A sink expecting about {@code expected} results. */
    public CollectingSink(int expected) {
        results = new ArrayList<>(Math.max(0, Math.min(expected, 1 << 20)));
    }

    /** A sink. */
    public CollectingSink() {
        this(0);
    }

    @Override
    public synchronized void item(long index, ItemResult result) {
        while (results.size() <= index) {
            results.add(null);
        }
        results.set((int) index, result);
        finished.incrementAndGet();
        if (!result.isOk()) {
            failed.incrementAndGet();
        }
    }

    @Override
    public synchronized void items(long first, ItemResult[] chunk, int off, int n) {
        while (results.size() < first + n) {
            results.add(null);
        }
        long bad = 0;
        for (int i = 0; i < n; i++) {
            results.set((int) first + i, chunk[off + i]);
            bad += chunk[off + i].isOk() ? 0 : 1;
        }
        finished.addAndGet(n);
        failed.addAndGet(bad);
    }

    @Override
    public synchronized void end(long total) {
        done.complete(List.copyOf(results));
    }

    @Override
    public void abort(RuntimeException why) {
        done.completeExceptionally(why);
    }

    /** Completes with every result when the job ends. */
    public CompletableFuture<List<ItemResult>> done() {
        return done;
    }

    /** Items finished so far. */
    public long finished() {
        return finished.get();
    }

    /** Items that failed so far. */
    public long failed() {
        return failed.get();
    }
}
