package dev.jmp.spi;

import dev.jmp.ResultIterator;

/**
 * When and where one item of a pool job ran, as {@link ResultIterator#lastTiming()} reports it:
 * what a timeline of the job needs.
 *
 * <p>Times are wall-clock microseconds since the epoch on this host (workers and the parent
 * share its clock). The worker measures when its task started running items and how long they
 * took; items of one chunk share that span evenly (a chunk of several items only forms when
 * items take about 2 ms or less, so slow items, the ones a timeline shows, are timed one by one).
 * For an item whose worker died, the span runs from dispatch to the death.
 *
 * @param worker      the name of the worker process that ran it (for example {@code pool-1-w2})
 * @param pid         that worker's process id
 * @param startMicros when the item started (epoch microseconds)
 * @param endMicros   when it ended (epoch microseconds), not before {@code startMicros}
 * @param chunkItems  how many items shared the worker's task (1 when timed on its own)
 * @param host        the host the worker ran on, as the user named it, or null on this machine
 */
public record ItemTiming(String worker, long pid, long startMicros, long endMicros, int chunkItems, String host) {

    /** An item that ran on this machine. */
    public ItemTiming(String worker, long pid, long startMicros, long endMicros, int chunkItems) {
        this(worker, pid, startMicros, endMicros, chunkItems, null);
    }

    /** Checks the span. */
    public ItemTiming {
        if (endMicros < startMicros) {
            throw new IllegalArgumentException("end " + endMicros + " before start " + startMicros);
        }
    }

    /**
     * How long the item ran.
     *
     * @return microseconds
     */
    public long micros() {
        return endMicros - startMicros;
    }

    /**
     * The current wall-clock time in the unit of this record.
     *
     * @return epoch microseconds
     */
    public static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
