package dev.jmp.internal.pool;

import dev.jmp.internal.serial.PackedItems;
import dev.jmp.internal.wire.message.TaskOutcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * A pool's work not yet done: jobs whose items still go out, chunks to send again, chunks a
 * worker holds. It cuts the next chunk for a worker, files a chunk's results (re-queuing the items
 * that may be retried) and fails it all at once. Guarded by the scheduler's lock, as the chunks.
 */
final class PendingWork {

    private final Deque<Job> jobs = new ArrayDeque<>();
    private final Deque<Chunk> retry = new ArrayDeque<>();
    private final Map<Long, Chunk> inflight = new HashMap<>();
    private final ChunkPolicy policy;
    private final int workers;
    private final int retries;

    /**
     * @param policy  chunk sizes
     * @param workers the pool's size (chunks are capped so every worker gets a share)
     * @param retries how many times an item that threw is sent again
     */
    PendingWork(ChunkPolicy policy, int workers, int retries) {
        this.policy = policy;
        this.workers = workers;
        this.retries = retries;
    }

    void add(Job job) {
        jobs.add(job);
    }

    /** The next chunk for this worker: one to retry first, else a new one cut from the first job with items. */
    Chunk next(WorkerSlot slot) {
        Chunk c = retry.poll();
        if (c != null) {
            return c;
        }
        for (Iterator<Job> it = jobs.iterator(); it.hasNext();) {
            Job job = it.next();
            if (job.ended || job.source.exhausted()) {
                it.remove();
                job.maybeEnd();
                continue;
            }
            for (RuntimeException e = job.source.pollFailed(); e != null; e = job.source.pollFailed()) {
                job.finish(job.nextItem++, ItemResult.local(e));
            }
            int k = policy.chunkSize(job, workers);
            if (!job.source.complete() && job.source.available() < k && !slot.inflight.isEmpty()) {
                // A lazy source's items are still coming and this worker has work: a crumb of a
                // chunk now would cost a round trip for a few items, so wait for a full one.
                job.source.want(k);
                continue;
            }
            PackedItems items = job.source.take(k);
            if (items.isEmpty()) {
                continue;
            }
            Chunk chunk = new Chunk(job, job.nextItem, items);
            job.nextItem += items.count();
            return chunk;
        }
        return null;
    }

    /** A chunk went to its worker. */
    void sent(Chunk c) {
        inflight.put(c.taskId, c);
    }

    /** The chunk a worker answered for, or null if it was already given up. */
    Chunk answered(long taskId) {
        return inflight.remove(taskId);
    }

    /** Chunks whose worker died: no answer is coming for them. */
    void lost(Collection<Chunk> chunks) {
        for (Chunk c : chunks) {
            inflight.remove(c.taskId);
        }
    }

    /** Chunks to send before anything else, in this order. */
    void retryFirst(List<Chunk> again) {
        for (int i = again.size() - 1; i >= 0; i--) {
            retry.addFirst(again.get(i));
        }
    }

    /** Every chunk a worker holds now. */
    List<Chunk> running() {
        return new ArrayList<>(inflight.values());
    }

    /** Forgets a cancelled job's queued work; returns its chunks that workers hold. */
    List<Chunk> drop(Job job) {
        jobs.remove(job);
        retry.removeIf(c -> c.job == job);
        List<Chunk> running = new ArrayList<>();
        for (Chunk c : inflight.values()) {
            if (c.job == job) {
                running.add(c);
            }
        }
        return running;
    }

    /** Hands a chunk's results to its job; items that threw and may be tried again are queued instead. */
    void finish(Chunk c, TaskOutcome o, List<byte[]> frames) {
        Job job = c.job;
        OutcomeDecoder d = OutcomeDecoder.of(o, frames);
        ChunkTiming timing = d.ran() ? ChunkTiming.of(c, o.startMicros(), o.nanos()) : null;
        ItemResult[] results = new ItemResult[c.count];
        int from = 0;
        for (int i = 0; i < c.count; i++) {
            if (d.itemThrew(i) && c.attempts <= retries && !job.ended) {
                // results before it are handed over first, so they keep arriving in order
                job.finishAll(c.first + from, results, from, i - from);
                from = i + 1;
                Chunk again = new Chunk(job, c.first + i, c.items.sub(i, 1));
                again.attempts = c.attempts;
                retry.add(again);
            } else {
                ItemResult r = d.item(i);
                results[i] = timing != null ? r.timed(timing, i) : r;
            }
        }
        job.finishAll(c.first + from, results, from, c.count - from);
    }

    /**
     * Whether anything is left to send or to come back. Jobs whose items are all out stay queued
     * until the next dispatch looks at them, which may come after this check (results that come
     * back in one message): they are dropped here, or a closed pool would never stop its workers.
     */
    boolean any() {
        for (Iterator<Job> it = jobs.iterator(); it.hasNext();) {
            Job job = it.next();
            if (job.ended || job.source.exhausted()) {
                it.remove();
                job.maybeEnd();
            }
        }
        return !jobs.isEmpty() || !retry.isEmpty() || !inflight.isEmpty();
    }

    /** Fails every unfinished job with a cancellation (the pool was terminated); returns the chunks workers hold. */
    List<Chunk> terminateAll() {
        List<Chunk> running = running();
        failAll(new CancellationException("the pool was terminated"));
        for (Chunk c : running) {
            if (!c.job.ended) {
                c.job.ended = true;
                c.job.sink.abort(new CancellationException("the pool was terminated"));
            }
        }
        return running;
    }

    /** Ends every unfinished job with this error and drops the queued work (chunks in flight stay, to be answered). */
    void failAll(RuntimeException why) {
        List<Job> all = new ArrayList<>(jobs);
        for (Chunk c : retry) {
            all.add(c.job);
        }
        for (Chunk c : inflight.values()) {
            all.add(c.job);
        }
        for (Job j : all) {
            if (!j.ended) {
                j.ended = true;
                j.source.clear();
                j.sink.abort(why);
            }
        }
        jobs.clear();
        retry.clear();
    }
}
