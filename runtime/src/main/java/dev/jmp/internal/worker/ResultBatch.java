package dev.jmp.internal.worker;

import dev.jmp.internal.wire.Link;
import dev.jmp.internal.wire.message.TaskOutcome;
import dev.jmp.internal.wire.message.TaskResults;
import dev.jmp.spi.Daemons;
import java.util.ArrayList;
import java.util.List;

/**
 * Finished tasks waiting to be sent. Short tasks are batched into one message; a batch leaves
 * when the worker runs out of queued tasks, when it is big, or when it is a few milliseconds old.
 */
final class ResultBatch {

    private static final int MAX_OUTCOMES = 64;
    private static final long MAX_BYTES = 1 << 20;
    static final long MAX_AGE_NANOS = 2_000_000;

    private static final java.util.concurrent.ScheduledExecutorService FLUSHER =
            Daemons.sharedTimer();
    private final Link link;
    private List<TaskOutcome> outcomes = new ArrayList<>();
    private List<byte[]> frames = new ArrayList<>();
    private long bytes;
    private long oldest;

    ResultBatch(Link link) {
        this.link = link;
    }

    /** Adds an outcome whose item results are {@code itemFrames} (possibly empty). */
    synchronized void add(TaskOutcome outcome, List<byte[]> itemFrames, boolean flushNow) {
        if (outcomes.isEmpty()) {
            oldest = System.nanoTime();
            if (!flushNow) {
                FLUSHER.schedule(this::flushIfOld, MAX_AGE_NANOS, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }
        int frame = itemFrames.isEmpty() ? -1 : frames.size();
        outcomes.add(new TaskOutcome(outcome.taskId(), outcome.status(), outcome.nanos(), frame,
                outcome.outputSync(), outcome.error(), outcome.startMicros()));
        for (byte[] f : itemFrames) {
            frames.add(f);
            bytes += f.length;
        }
        if (flushNow || outcomes.size() >= MAX_OUTCOMES || bytes >= MAX_BYTES) {
            flush();
        }
    }

    /** Sends the batch if it is older than the age bound. */
    synchronized void flushIfOld() {
        if (!outcomes.isEmpty() && System.nanoTime() - oldest >= MAX_AGE_NANOS) {
            flush();
        }
    }

    /** Sends the batch now. */
    synchronized void flush() {
        if (outcomes.isEmpty()) {
            return;
        }
        link.send(new TaskResults(outcomes), frames);
        outcomes = new ArrayList<>();
        frames = new ArrayList<>();
        bytes = 0;
    }
}
