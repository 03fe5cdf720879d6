package dev.jmp.internal.pool;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Hands a job's results to an iterator as they arrive: in input order (imap), or in completion
 * order (imapUnordered). Only results not yet consumed are kept.
 */
public final class StreamingSink implements JobSink {

    /** A result with its index. */
    public record Next(long index, ItemResult result) {
    }

    private final boolean ordered;
    private final TreeMap<Long, ItemResult> byIndex = new TreeMap<>();
    private final Deque<Next> arrived = new ArrayDeque<>();
    private long nextIndex;
    private long consumed;
    private long total = -1;
    private RuntimeException aborted;

    /** Creates a sink that releases results in input order when {@code ordered}. */
    public StreamingSink(boolean ordered) {
        this.ordered = ordered;
    }

    @Override
    public synchronized void item(long index, ItemResult result) {
        if (ordered) {
            byIndex.put(index, result);
        } else {
            arrived.add(new Next(index, result));
        }
        notifyAll();
    }

    @Override
    public synchronized void items(long first, ItemResult[] results, int off, int n) {
        for (int i = 0; i < n; i++) {
            if (ordered) {
                byIndex.put(first + i, results[off + i]);
            } else {
                arrived.add(new Next(first + i, results[off + i]));
            }
        }
        notifyAll(); // once per chunk, not per item
    }

    @Override
    public synchronized void end(long n) {
        total = n;
        notifyAll();
    }

    @Override
    public synchronized void abort(RuntimeException why) {
        if (aborted == null) {
            aborted = why;
        }
        notifyAll();
    }

    /**
     * Waits for the next result.
     *
     * @param timeoutNanos how long to wait, or negative for ever
     * @return the next result, {@code null} when all were consumed
     * @throws java.util.concurrent.TimeoutException if the timeout passed first
     * @throws RuntimeException the reason the job was aborted
     */
    public synchronized Next take(long timeoutNanos) throws InterruptedException, java.util.concurrent.TimeoutException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            if (ordered && byIndex.containsKey(nextIndex)) {
                consumed++;
                long i = nextIndex++;
                return new Next(i, byIndex.remove(i));
            }
            if (!ordered && !arrived.isEmpty()) {
                consumed++;
                return arrived.poll();
            }
            if (total >= 0 && consumed >= total) {
                return null;
            }
            if (aborted != null) {
                throw aborted;
            }
            if (timeoutNanos < 0) {
                wait();
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new java.util.concurrent.TimeoutException();
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }
}
