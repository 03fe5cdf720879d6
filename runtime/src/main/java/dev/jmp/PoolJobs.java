package dev.jmp;

import dev.jmp.error.SerializationException;
import dev.jmp.internal.pool.CollectingSink;
import dev.jmp.internal.pool.Completions;
import dev.jmp.internal.pool.ItemResult;
import dev.jmp.internal.pool.ItemSource;
import dev.jmp.internal.pool.Job;
import dev.jmp.internal.pool.PoolScheduler;
import dev.jmp.internal.pool.StreamingSink;
import dev.jmp.internal.supervisor.ShippedFunction;
import dev.jmp.internal.supervisor.Supervisor;
import dev.jmp.internal.wire.message.TaskKind;
import dev.jmp.function.SerialFunction;
import dev.jmp.spi.Daemons;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How a {@link Pool}'s calls become jobs of its scheduler: eager ones (every map, apply and
 * starmap) over encoded items, with their result and callbacks; lazy ones (imap) read by a feeder
 * thread through a window; and the decoding of results with the runtime's result loader.
 */
final class PoolJobs {

    /**
     * Items a lazy map reads ahead of what its caller consumed: room for several chunks of tiny
     * items in flight (chunks are cut at a quarter of it per worker); their encoded bytes waiting
     * to be sent are bounded apart (32 MiB), so large items wait for the workers instead.
     */
    private static final int IMAP_WINDOW = 1 << 20;
    private final Supervisor supervisor;
    private final PoolScheduler scheduler;
    private final Executor callbacks = Completions.callbacks();

    PoolJobs(Supervisor supervisor, PoolScheduler scheduler) {
        this.supervisor = supervisor;
        this.scheduler = scheduler;
    }

    <R> AsyncResult<R> submit(ShippedFunction fn, TaskKind kind, int chunksize, List<byte[]> encoded,
                                      Function<List<ItemResult>, R> decoder, Consumer<? super R> callback,
                                      Consumer<? super Throwable> errorCallback) {
        return submit(fn, kind, chunksize, ItemSource.of(encoded), decoder, callback, errorCallback);
    }

    <R> AsyncResult<R> submit(ShippedFunction fn, TaskKind kind, int chunksize, ItemSource source,
                              Function<List<ItemResult>, R> decoder, Consumer<? super R> callback,
                              Consumer<? super Throwable> errorCallback) {
        if (chunksize < 0) {
            throw new IllegalArgumentException("chunksize must be >= 1 (or 0 for adaptive), not " + chunksize);
        }
        CollectingSink sink = new CollectingSink((int) Math.min(Integer.MAX_VALUE - 8, source.total()));
        Job job = new Job(supervisor.nextId(), fn, kind, chunksize, source, sink);
        AsyncResult<R> result = new AsyncResult<>(job.id, sink, source.total(), decoder,
                () -> scheduler.cancel(job, new CancellationException("the result of job " + job.id + " was cancelled")),
                Completions.views());
        scheduler.submit(job);
        if (callback != null || errorCallback != null) {
            String what = "a callback of job " + job.id;
            sink.done().whenCompleteAsync((r, e) -> Completions.runCallback(what, () -> {
                R value;
                try {
                    value = result.get();
                } catch (RuntimeException x) {
                    if (errorCallback != null) {
                        errorCallback.accept(x);
                    }
                    return;
                }
                if (callback != null) {
                    callback.accept(value);
                }
            }), callbacks);
        }
        return result;
    }

    /**
     * A lazy map: a feeder thread reads the items as the pool takes them, at most
     * {@value #IMAP_WINDOW} ahead of what the caller consumed, so memory stays bounded whatever
     * the source's length; closing the iteration stops the feeder too (an interrupt ends a
     * source that waits).
     */
    <T, R> ResultIterator<R> stream(SerialFunction<? super T, ? extends R> fn, Iterable<? extends T> items,
                                            int chunksize, boolean ordered, Runnable onEnd) {
        if (chunksize < 0) {
            throw new IllegalArgumentException("chunksize must be >= 1 (or 0 for adaptive), not " + chunksize);
        }
        ShippedFunction shipped = ShippedFunction.of(fn, "task");
        ItemSource source = ItemSource.lazy(IMAP_WINDOW);
        StreamingSink sink = new StreamingSink(ordered);
        Job job = new Job(supervisor.nextId(), shipped, TaskKind.APPLY, chunksize, source, sink);
        scheduler.submit(job);
        Semaphore window = new Semaphore(IMAP_WINDOW);
        Thread feeder = Daemons.start("jmp-imap-feeder", () -> {
            try {
                for (T item : items) {
                    if (job.isEnded()) {
                        break;
                    }
                    window.acquire();
                    if (job.isEnded()) {
                        break;
                    }
                    boolean starved;
                    try {
                        starved = source.addValue(item);
                    } catch (SerializationException e) {
                        source.addFailed(e);
                        starved = true;
                    }
                    // Dispatch is driven by results coming back; only a scheduler that found the
                    // source empty (or waits for a full chunk) waits for this feeder to say more came.
                    if (starved) {
                        scheduler.poke();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                source.addFailed(e);
            } finally {
                source.finish();
                scheduler.poke();
                if (onEnd != null) {
                    try {
                        onEnd.run();
                    } catch (RuntimeException e) {
                        // the stream's own close handlers failed; the items are already out
                    }
                }
            }
        });
        return new ResultIterator<>(job.id, sink, window::release, () -> {
            scheduler.cancel(job, new CancellationException("the iteration of job " + job.id + " was closed"));
            feeder.interrupt(); // it may wait for the window or inside the source
        }, supervisor.settings().resultLoader());
    }

    @SuppressWarnings("unchecked")
    <R> R decodeOne(List<ItemResult> results) {
        return (R) results.get(0).value(supervisor.settings().resultLoader());
    }

    @SuppressWarnings("unchecked")
    <R> R decodeAll(List<ItemResult> results) {
        ClassLoader loader = supervisor.settings().resultLoader();
        List<Object> out = new ArrayList<>(results.size());
        for (ItemResult r : results) {
            out.add(r.value(loader));
        }
        return (R) out;
    }
}
