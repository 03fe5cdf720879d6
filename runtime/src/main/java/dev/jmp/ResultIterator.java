package dev.jmp;

import dev.jmp.error.RemoteException;
import dev.jmp.error.WaitInterruptedException;
import dev.jmp.error.WaitTimeoutException;
import dev.jmp.error.WorkerDiedException;
import dev.jmp.internal.pool.StreamingSink;
import dev.jmp.internal.util.Durations;
import dev.jmp.spi.ItemTiming;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeoutException;

/**
 * Results of {@link Pool#imap} or {@link Pool#imapUnordered} as they come, like Python's
 * {@code IMapIterator}. An item whose task threw makes {@link #next()} throw (a
 * {@link RemoteException}, a {@link WorkerDiedException}...); iteration may go on after it.
 * Closing the iterator cancels the items not yet done.
 *
 * @param <R> the result type
 */
public final class ResultIterator<R> implements Iterator<R>, Iterable<R>, AutoCloseable {

    private final long jobId;
    private final StreamingSink sink;
    private final Runnable onTake;
    private final Runnable cancel;
    private final ClassLoader loader;
    private StreamingSink.Next ahead;
    private boolean finished;
    private long lastIndex = -1;
    private ItemTiming lastTiming;

    ResultIterator(long jobId, StreamingSink sink, Runnable onTake, Runnable cancel, ClassLoader loader) {
        this.jobId = jobId;
        this.loader = loader;
        this.sink = sink;
        this.onTake = onTake;
        this.cancel = cancel;
    }

    @Override
    public boolean hasNext() {
        if (ahead == null && !finished) {
            ahead = take(-1);
            finished = ahead == null;
        }
        return ahead != null;
    }

    @Override
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + (lastIndex + 1) + " results of job " + jobId + " were returned");
        }
        return consume();
    }

    /**
     * Waits at most {@code timeout} for the next result.
     *
     * @throws WaitTimeoutException   if none came in time
     * @throws NoSuchElementException if all results were returned
     */
    public R next(Duration timeout) {
        Durations.check(timeout);
        if (ahead == null && !finished) {
            ahead = take(timeout.toNanos());
            finished = ahead == null;
        }
        if (ahead == null) {
            throw new NoSuchElementException("all results of job " + jobId + " were returned");
        }
        return consume();
    }

    @SuppressWarnings("unchecked")
    private R consume() {
        StreamingSink.Next n = ahead;
        ahead = null;
        lastIndex = n.index();
        lastTiming = n.result().timing();
        onTake.run();
        return (R) n.result().value(loader);
    }

    private StreamingSink.Next take(long nanos) {
        try {
            return sink.take(nanos);
        } catch (InterruptedException e) {
            throw new WaitInterruptedException("job " + jobId, e);
        } catch (TimeoutException e) {
            throw new WaitTimeoutException("no result of job " + jobId + " within " + Duration.ofNanos(nanos));
        }
    }

    /** The input index of the item last returned (useful with {@code imapUnordered}), or -1. */
    public long lastIndex() {
        return lastIndex;
    }

    /**
     * When and where the item last returned (or thrown) ran: its worker, start and end; null if
     * it never ran on a worker (cancelled before dispatch, or not yet any item).
     */
    public ItemTiming lastTiming() {
        return lastTiming;
    }

    /** The job id, which tags the output events of this work. */
    public long jobId() {
        return jobId;
    }

    @Override
    public Iterator<R> iterator() {
        return this;
    }

    /** Cancels the items not yet done. */
    @Override
    public void close() {
        cancel.run();
    }
}
