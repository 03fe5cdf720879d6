package dev.jmp;

import dev.jmp.error.RemoteException;
import dev.jmp.error.WaitInterruptedException;
import dev.jmp.error.WaitTimeoutException;
import dev.jmp.error.WorkerDiedException;
import dev.jmp.internal.pool.CollectingSink;
import dev.jmp.internal.pool.ItemResult;
import dev.jmp.internal.util.Durations;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The pending result of {@link Pool#applyAsync} or {@link Pool#mapAsync}, like Python's
 * {@code AsyncResult}. Values are deserialized with the runtime's result loader by the thread
 * that asks for them. A task that threw makes {@link #get()} throw a {@link RemoteException}
 * with the remote class, message and stack; a dead worker makes it throw a
 * {@link WorkerDiedException}.
 *
 * @param <R> the result type
 */
public final class AsyncResult<R> {

    private final long jobId;
    private final CompletableFuture<List<ItemResult>> done;
    private final Function<List<ItemResult>, R> decoder;
    private final BooleanSupplier canceller;
    private final CollectingSink sink;
    private final long total;
    private final Executor executor;
    private boolean decoded;
    private R value;
    private RuntimeException failure;
    private CompletableFuture<R> view;

    AsyncResult(long jobId, CollectingSink sink, long total, Function<List<ItemResult>, R> decoder,
                BooleanSupplier canceller, Executor executor) {
        this.jobId = jobId;
        this.sink = sink;
        this.done = sink.done();
        this.total = total;
        this.decoder = decoder;
        this.canceller = canceller;
        this.executor = executor;
    }

    /**
     * Waits for the result and returns it.
     *
     * @throws RemoteException          if the task threw (for a map: the first item that threw)
     * @throws WorkerDiedException      if the worker died and no retry was left
     * @throws CancellationException    if the result was cancelled or the pool terminated
     * @throws WaitInterruptedException if the waiting thread is interrupted
     */
    public R get() {
        try {
            done.get();
        } catch (InterruptedException e) {
            throw new WaitInterruptedException("job " + jobId, e);
        } catch (ExecutionException | CancellationException e) {
            // decode() rethrows the failure
        }
        return decode();
    }

    /**
     * Waits at most {@code timeout} for the result.
     *
     * @throws WaitTimeoutException     if it is not ready in time
     * @throws IllegalArgumentException if the timeout is negative
     */
    public R get(Duration timeout) {
        if (!waitFor(timeout)) {
            throw new WaitTimeoutException("the result of job " + jobId + " was not ready within " + timeout);
        }
        return decode();
    }

    /** Same as {@link #get(Duration)}. */
    public R get(long timeout, TimeUnit unit) {
        return get(Duration.ofNanos(unit.toNanos(timeout)));
    }

    private synchronized R decode() {
        if (!decoded) {
            try {
                value = decoder.apply(done.join());
            } catch (java.util.concurrent.CompletionException e) {
                failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (CancellationException e) {
                // On newer JDKs (25, not 17) join() throws a new CancellationException("join") caused by the
                // one the future was cancelled with; that one says why.
                failure = e.getCause() instanceof CancellationException why ? why : e;
            } catch (RuntimeException e) {
                failure = e;
            }
            decoded = true;
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    /** Whether the result (or failure) is there. */
    public boolean ready() {
        return done.isDone();
    }

    /**
     * Whether the task completed without an exception.
     *
     * @throws IllegalStateException if the result is not ready, as in Python
     */
    public boolean successful() {
        if (!ready()) {
            throw new IllegalStateException("the result of job " + jobId + " is not ready");
        }
        if (done.isCompletedExceptionally()) {
            return false;
        }
        return done.join().stream().allMatch(ItemResult::isOk);
    }

    /** Waits until the result is ready. */
    public void waitFor() {
        try {
            done.get();
        } catch (InterruptedException e) {
            throw new WaitInterruptedException("job " + jobId, e);
        } catch (ExecutionException | CancellationException e) {
            // ready, with a failure
        }
    }

    /**
     * Waits at most {@code timeout} until the result is ready.
     *
     * @return whether it is ready
     */
    public boolean waitFor(Duration timeout) {
        Durations.check(timeout);
        try {
            done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            throw new WaitInterruptedException("job " + jobId, e);
        } catch (ExecutionException | CancellationException e) {
            // ready, with a failure
        }
        return true;
    }

    /**
     * Cancels the work: queued items are dropped, running ones interrupted, and a worker that
     * does not stop within the pool's grace period is killed and replaced. {@link #get()} then
     * throws {@link CancellationException}.
     *
     * @return false if the result was already complete
     */
    public boolean cancel() {
        return canceller.getAsBoolean();
    }

    /** Whether the result was cancelled (or its pool terminated). */
    public boolean isCancelled() {
        if (!done.isCompletedExceptionally()) {
            return false;
        }
        try {
            done.join();
            return false;
        } catch (CancellationException e) {
            return true;
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() instanceof CancellationException;
        }
    }

    /**
     * A {@link CompletableFuture} that completes with the decoded value (or the failure) once the
     * result exists, whatever the pool's state by then (closed, joined or terminated).
     */
    public synchronized CompletableFuture<R> toCompletableFuture() {
        if (view == null) {
            CompletableFuture<R> cf = new CompletableFuture<>() {
                @Override
                public boolean cancel(boolean mayInterruptIfRunning) {
                    AsyncResult.this.cancel();
                    return super.cancel(mayInterruptIfRunning);
                }
            };
            done.whenCompleteAsync((r, e) -> {
                try {
                    cf.complete(decode());
                } catch (RuntimeException x) {
                    cf.completeExceptionally(x);
                }
            }, executor);
            view = cf;
        }
        return view;
    }

    /** The job id, which tags the output events of this work. */
    public long jobId() {
        return jobId;
    }

    /** Items finished so far (for progress displays). */
    public long done() {
        return sink.finished();
    }

    /** Items that failed so far. */
    public long failed() {
        return sink.failed();
    }

    /** Number of items. */
    public long total() {
        return total;
    }

    @Override
    public String toString() {
        return "AsyncResult[job " + jobId + ", " + (ready() ? "ready" : done() + "/" + total + " done") + "]";
    }
}
