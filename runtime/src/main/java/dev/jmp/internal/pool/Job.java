package dev.jmp.internal.pool;

import dev.jmp.internal.supervisor.ShippedFunction;
import dev.jmp.internal.wire.message.TaskKind;

/**
 * One user-visible unit of work (a map, an apply): a function, its items, where the results go,
 * and how far it got. Guarded by the scheduler's lock.
 */
public final class Job {

    /** The job id (tags output). */
    public final long id;
    final ShippedFunction fn;
    final TaskKind kind;
    final int chunksize;
    final ItemSource source;
    final JobSink sink;
    long nextItem;
    long finished;
    volatile boolean cancelled;
    volatile boolean ended;

    /**
     * Creates a job.
     *
     * @param chunksize items per task, or 0 for adaptive
     */
    public Job(long id, ShippedFunction fn, TaskKind kind, int chunksize, ItemSource source, JobSink sink) {
        this.id = id;
        this.fn = fn;
        this.kind = kind;
        this.chunksize = chunksize;
        this.source = source;
        this.sink = sink;
    }

    /** Whether the job ended (all done, cancelled, or its pool terminated). */
    public boolean isEnded() {
        return ended;
    }

    /** Records a finished item and ends the job when it was the last one. */
    void finish(long index, ItemResult r) {
        if (ended) {
            return;
        }
        finished++;
        sink.item(index, r);
        maybeEnd();
    }

    /** Records {@code n} finished items, {@code results[off..]}, the first of index {@code first}. */
    void finishAll(long first, ItemResult[] results, int off, int n) {
        if (ended || n == 0) {
            return;
        }
        finished += n;
        sink.items(first, results, off, n);
        maybeEnd();
    }

    void maybeEnd() {
        if (!ended && source.exhausted() && finished == source.fed()) {
            ended = true;
            sink.end(finished);
        }
    }
}
