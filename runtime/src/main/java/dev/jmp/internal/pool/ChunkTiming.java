package dev.jmp.internal.pool;

import dev.jmp.spi.ItemTiming;

/**
 * Times the items of a finished chunk for {@link ItemTiming}: the worker reports when its task
 * started running items and how long they took, and the items share that span evenly.
 */
final class ChunkTiming {

    private ChunkTiming() {
    }

    /**
     * The span of item {@code i} of a chunk whose items ran from {@code startMicros} for {@code nanos}.
     *
     * @param c           the chunk (its worker is the one that ran it)
     * @param i           the item's position in the chunk
     * @param startMicros when the items started (epoch micros), or 0 if the worker did not say
     * @param nanos       how long they ran together
     */
    static ItemTiming of(Chunk c, int i, long startMicros, long nanos) {
        long total = Math.max(0, nanos / 1_000);
        long start = startMicros > 0 ? startMicros : ItemTiming.nowMicros() - total;
        long each = total / Math.max(1, c.count);
        long from = start + each * i;
        long to = i == c.count - 1 ? start + total : from + each;
        return new ItemTiming(c.slot.worker.name(), c.slot.worker.pid(), from, Math.max(from, to), c.count);
    }

    /** The span of an item whose worker died: from its dispatch until now. */
    static ItemTiming died(Chunk c) {
        long now = ItemTiming.nowMicros();
        long from = c.sentMicros > 0 ? Math.min(c.sentMicros, now) : now;
        // A chunk built again after its worker died has no slot (it never left the scheduler).
        return c.slot == null ? new ItemTiming("?", -1, from, now, c.count)
                : new ItemTiming(c.slot.worker.name(), c.slot.worker.pid(), from, now, c.count);
    }
}
