package dev.jmp.internal.pool;

import dev.jmp.error.WorkerDiedException;
import dev.jmp.internal.worker.ItemProgress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Decides what becomes of the chunks a worker held when it died. The worker's progress word
 * names the item it was running: only that item is hit by the death (it fails, or is retried
 * when the job allows retries); the items before it in its chunk finished but their results died
 * with the worker, and the items after it, like the chunks queued behind, never started, so all
 * of those run again elsewhere without counting as a failed attempt. Without a progress word
 * every held item is hit. A chunk sent again this way more than {@link #MAX_REQUEUES} times is
 * hit too, so work that kills its worker without being seen running cannot loop for ever.
 */
final class DeathTriage {

    /** Deaths a chunk may go through without blame before it is hit. */
    static final int MAX_REQUEUES = 3;

    private DeathTriage() {
    }

    /**
     * Fails the items hit by the death (through their jobs) and returns what must run again, in
     * dispatch order.
     *
     * @param held    the dead worker's chunks, in the order they were sent
     * @param last    what its progress word said, or {@code null} if unknown
     * @param retries the pool's retries per item
     * @param died    the error for items hit by the death
     */
    static List<Chunk> triage(Collection<Chunk> held, ItemProgress.Last last, int retries, WorkerDiedException died) {
        List<Chunk> again = new ArrayList<>();
        for (Chunk c : held) {
            if (c.job.ended) {
                continue;
            }
            if (last == null || c.requeues >= MAX_REQUEUES) {
                hit(c, 0, c.count, retries, died, again);
            } else if (last.taskId() == c.taskId && !last.finished() && last.offset() < c.count) {
                requeue(c, 0, last.offset(), again);
                hit(c, last.offset(), 1, retries, died, again);
                requeue(c, last.offset() + 1, c.count - last.offset() - 1, again);
            } else {
                requeue(c, 0, c.count, again);
            }
        }
        return again;
    }

    private static void requeue(Chunk c, int from, int n, List<Chunk> again) {
        if (n > 0) {
            Chunk r = new Chunk(c.job, c.first + from, c.items.sub(from, n));
            r.attempts = c.attempts - 1; // the next dispatch counts it again
            r.requeues = c.requeues + 1;
            again.add(r);
        }
    }

    private static void hit(Chunk c, int from, int n, int retries, WorkerDiedException died, List<Chunk> again) {
        if (c.attempts <= retries) {
            Chunk r = new Chunk(c.job, c.first + from, c.items.sub(from, n));
            r.attempts = c.attempts;
            again.add(r);
            return;
        }
        for (int i = from; i < from + n; i++) {
            c.job.finish(c.first + i, ItemResult.local(died).timed(ChunkTiming.died(c)));
        }
    }
}
