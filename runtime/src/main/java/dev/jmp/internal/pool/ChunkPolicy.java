package dev.jmp.internal.pool;

/**
 * How big chunks are and how many a worker holds, learned from the run times workers report.
 * Without an explicit chunk size a chunk grows until it takes about {@link #TARGET_CHUNK_NANOS}
 * (5 ms: a round trip costs 0.1 to 1 ms, so that keeps its share of a tiny item's cost small;
 * twice the measured round trip when that is longer),
 * capped, like Python's default, at a quarter of the items per worker; a worker holds enough
 * chunks to stay busy for about {@link #TARGET_QUEUE_NANOS} while results travel back.
 */
final class ChunkPolicy {

    static final long TARGET_CHUNK_NANOS = 5_000_000;
    static final long TARGET_QUEUE_NANOS = 2_000_000;
    private static final int MIN_CREDIT = 2;
    private static final int MAX_CREDIT = 256;
    private static final int MAX_CHUNK = 100_000;
    private double itemNanos;
    private double chunkNanos;
    private double tripNanos;

    /**
     * Learns from a finished chunk: its items' run time (without fixed per-task costs) and, when
     * known, the micros from its dispatch to its result here, whose excess over the run time is
     * the round trip a worker's queue must cover.
     */
    void learn(long nanos, int items, long elapsedMicros) {
        if (elapsedMicros > 0) {
            double trip = Math.max(0, elapsedMicros * 1000.0 - nanos);
            tripNanos = tripNanos <= 0 ? trip : 0.7 * tripNanos + 0.3 * trip;
        }
        learn(nanos, items);
    }

    /** Learns from a finished chunk: its items' run time (without fixed per-task costs). */
    void learn(long nanos, int items) {
        double perItem = (double) nanos / Math.max(1, items);
        // Faster items are believed at once: the first items of a job pay for class loading and
        // cold code, and an average would keep later chunks tiny for dozens of round trips.
        // Slower ones are averaged in, and the share cap below bounds a chunk either way.
        itemNanos = itemNanos <= 0 || perItem < itemNanos ? perItem : 0.7 * itemNanos + 0.3 * perItem;
        chunkNanos = chunkNanos <= 0 ? nanos : 0.7 * chunkNanos + 0.3 * nanos;
    }

    /** How many chunks a worker may hold. */
    int credit() {
        if (chunkNanos <= 0) {
            return MIN_CREDIT;
        }
        // Enough queued to stay busy while results travel: at least the target, more when
        // round trips take longer (a loaded machine wakes threads late).
        long c = 1 + (long) Math.ceil(Math.max(TARGET_QUEUE_NANOS, tripNanos) / chunkNanos);
        return (int) Math.max(MIN_CREDIT, Math.min(MAX_CREDIT, c));
    }

    /** How many items the next chunk of {@code job} takes, on a pool of {@code workers}. */
    int chunkSize(Job job, int workers) {
        if (job.chunksize > 0) {
            return job.chunksize;
        }
        if (itemNanos <= 0) {
            return 1;
        }
        // A chunk's fixed cost is a round trip: when those are slow (a loaded machine wakes
        // threads late), chunks grow to twice the round trip, so it stays a third of the time.
        double target = Math.max(TARGET_CHUNK_NANOS, 2 * tripNanos);
        long k = (long) (target / Math.max(itemNanos, 1));
        if (job.source.complete()) {
            // A fixed bound, so the tail is not cut into crumbs.
            long share = Math.max(1, (job.source.fed() + 4L * workers - 1) / (4L * workers));
            k = Math.min(k, share);
        }
        k = Math.min(k, job.source.chunkCap(workers));
        return (int) Math.max(1, Math.min(MAX_CHUNK, k));
    }
}
