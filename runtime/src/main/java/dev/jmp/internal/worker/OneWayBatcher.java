package dev.jmp.internal.worker;

import dev.jmp.internal.wire.Link;
import dev.jmp.internal.wire.message.ServiceRequest;
import dev.jmp.spi.Daemons;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a worker's one-way service calls on the JeroMQ route in batches ({@link OneWayBatch}
 * decides when), at most {@value #DELAY_NANOS} ns after the first call of a batch, and keeps
 * count of how many were sent and how many the parent is known to have handled, so that a call
 * on another connection does not overtake them.
 */
final class OneWayBatcher {

    private static final long DELAY_NANOS = 1_000_000;
    private static final ScheduledExecutorService FLUSHER = Daemons.timer("jmp-service-flush");
    private final Link link;
    private final OneWayBatch batch = new OneWayBatch();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();

    OneWayBatcher(Link link) {
        this.link = link;
    }

    /** Holds back one one-way call; sends the batch if it is full. */
    void add(ServiceRequest request, List<byte[]> frames) {
        sent.incrementAndGet();
        OneWayBatch.Added added;
        synchronized (batch) {
            added = batch.add(request, frames);
        }
        if (added == OneWayBatch.Added.FULL) {
            flush();
        } else if (added == OneWayBatch.Added.FIRST) {
            FLUSHER.schedule(this::flush, DELAY_NANOS, TimeUnit.NANOSECONDS);
        }
    }

    /** Sends every call held back. */
    void flush() {
        synchronized (batch) {
            OneWayBatch.Drained d = batch.drain();
            if (d != null) {
                // Sent under the lock, so batches leave in the order they were filled.
                link.send(d.message(), d.frames());
            }
        }
    }

    /** One-way calls made so far (a mark for {@link #handledUpTo}). */
    long sentSoFar() {
        return sent.get();
    }

    /** Records that the parent handled every one-way call up to this mark. */
    void handledUpTo(long mark) {
        handled.accumulateAndGet(mark, Math::max);
    }

    /** Whether the parent may still be handling one-way calls. */
    boolean unsettled() {
        return sent.get() != handled.get();
    }
}
