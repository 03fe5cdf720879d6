package dev.jmp.internal.pool;

import dev.jmp.spi.ItemTiming;

/**
 * Times the items of a finished chunk for {@link ItemTiming}: the worker reports when its task
 * started running items and how long they took, and the items share that span evenly. One per
 * chunk; an item's own span is made only when asked for (a timeline), not for every result.
 */
final class ChunkTiming {

    private final String worker;
    private final long pid;
    private final long start;
    private final long total;
    private final int count;
    private final String host;

    private ChunkTiming(String worker, long pid, String host, long start, long total, int count) {
        this.host = host;
        this.worker = worker;
        this.pid = pid;
        this.start = start;
        this.total = total;
        this.count = count;
    }

    /**
     * The timing of a chunk whose items ran from {@code startMicros} for {@code nanos}.
     *
     * @param c           the chunk (its worker is the one that ran it)
     * @param startMicros when the items started (epoch micros), or 0 if the worker did not say
     * @param nanos       how long they ran together
     */
    static ChunkTiming of(Chunk c, long startMicros, long nanos) {
        long total = Math.max(0, nanos / 1_000);
        long start = startMicros > 0 ? startMicros : ItemTiming.nowMicros() - total;
        return new ChunkTiming(c.slot.worker.name(), c.slot.worker.pid(), c.slot.worker.host(), start, total, c.count);
    }

    /** The span of item {@code i} of the chunk. */
    ItemTiming item(int i) {
        long each = total / Math.max(1, count);
        long from = start + each * i;
        long to = i == count - 1 ? start + total : from + each;
        return new ItemTiming(worker, pid, from, Math.max(from, to), count, host);
    }

    /** The span of an item whose worker died: from its dispatch until now. */
    static ItemTiming died(Chunk c) {
        long now = ItemTiming.nowMicros();
        long from = c.sentMicros > 0 ? Math.min(c.sentMicros, now) : now;
        // A chunk built again after its worker died has no slot (it never left the scheduler).
        return c.slot == null ? new ItemTiming("?", -1, from, now, c.count)
                : new ItemTiming(c.slot.worker.name(), c.slot.worker.pid(), from, now, c.count, c.slot.worker.host());
    }
}
