package dev.jmp.internal.pool;

/**
 * Where a job's results go. Called with the scheduler's lock held, so implementations only
 * store and signal; user callbacks are handed to another thread.
 */
public interface JobSink {

    /** Item {@code index} finished. */
    void item(long index, ItemResult result);

    /** Items {@code first} to {@code first + n - 1} finished: {@code results[off]} onwards. */
    default void items(long first, ItemResult[] results, int off, int n) {
        for (int i = 0; i < n; i++) {
            item(first + i, results[off + i]);
        }
    }

    /** Every item finished; {@code total} is the number of items. */
    void end(long total);

    /** The job ended early (cancelled, pool terminated): pending items will never finish. */
    void abort(RuntimeException why);
}
