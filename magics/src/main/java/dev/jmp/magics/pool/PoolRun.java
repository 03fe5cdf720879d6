package dev.jmp.magics.pool;

import dev.jmp.spi.OutputEvent;
import dev.jmp.Pool;
import dev.jmp.ResultIterator;
import dev.jmp.function.SerialFunction;
import dev.jmp.error.WaitInterruptedException;
import dev.jmp.error.WorkerStartException;
import dev.jmp.error.WaitTimeoutException;
import dev.jmp.magics.CellOutput;
import dev.jmp.magics.render.OutputDispatcher;
import dev.jmp.magics.render.DisplayMarkers;
import dev.jmp.magics.render.LineStreamer;
import dev.jmp.magics.render.ProgressDisplay;
import dev.jmp.magics.render.TraceLines;
import dev.jmp.magics.timeline.PoolTimeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.NoSuchElementException;

/**
 * One {@code %%pool} run: a pool of workers computing the function for every item, results
 * collected by input index as they finish, a live progress display, each item's output streamed
 * with its index, and the stop rules ({@code --on-error stop}, {@code --timeout}, interrupts).
 */
final class PoolRun {

    /**
     * How the run ended.
     *
     * @param cannotStart why no worker could start (then {@code stopReason} is {@value #NO_WORKERS}), or null
     */
    record Outcome(List<Object> results, List<ItemFailure> failures, String stopReason, long done, long taken,
                   WorkerStartException cannotStart) {
    }

    /** The stop reason of a run whose workers could not start. */
    static final String NO_WORKERS = "no workers";

    private static final Duration POLL = Duration.ofMillis(100);

    private final String name;
    private final PoolOptions options;
    private final SerialFunction<Object, Object> fn;
    private final PoolItems<?> items;
    /** Items taken from the source and not finished yet, by index: what a failure report names. */
    private final Map<Long, Object> pending = new ConcurrentHashMap<>();
    private final AtomicLong taken = new AtomicLong();
    private final CellOutput cell;
    private final OutputDispatcher dispatcher;
    private final TraceLines traces;
    private final String workerPrefix;
    private final PoolTimeline timeline;
    private volatile String stopReason;
    private volatile WorkerStartException cannotStart;
    private volatile Pool pool;
    private volatile ResultIterator<Object> results;
    private volatile LineStreamer live;

    PoolRun(String name, PoolOptions options, SerialFunction<Object, Object> fn, PoolItems<?> items, CellOutput cell,
            OutputDispatcher dispatcher, TraceLines traces, PoolTimeline timeline) {
        this.name = name;
        this.options = options;
        this.fn = fn;
        this.items = items;
        this.cell = cell;
        this.dispatcher = dispatcher;
        this.traces = traces;
        this.workerPrefix = name + "-w";
        this.timeline = timeline;
    }

    String name() {
        return name;
    }

    /**
     * Runs every item and waits for the end (or a stop).
     *
     * @return the results by input index (or completion order with {@code --unordered}) and the failures
     * @throws IllegalStateException if a run already claimed this run's worker names
     */
    Outcome run() {
        if (!dispatcher.claimPrefix(workerPrefix, this::onOutput)) {
            throw new IllegalStateException("another run already owns the workers named " + workerPrefix + "*");
        }
        List<Object> byIndex = new ArrayList<>();
        List<Object> byCompletion = new ArrayList<>();
        List<ItemFailure> failures = new ArrayList<>();
        long done = 0;
        long deadline = options.timeoutSeconds() > 0
                ? System.nanoTime() + (long) (options.timeoutSeconds() * 1e9) : Long.MAX_VALUE;
        try (LineStreamer live = new LineStreamer(cell);
             ProgressDisplay progress = new ProgressDisplay(cell, name, items.size())) {
            this.live = live;
            long size = items.size();
            int wanted = options.processes() > 0 ? options.processes()
                    : Math.max(1, dev.jmp.magics.cluster.ClusterMagics.slots(options.on()));
            int processes = size < 0 ? wanted : (int) Math.min(wanted, Math.max(1, size));
            Pool.Builder builder = Pool.builder().processes(processes)
                    .retries(options.retries()).namePrefix(workerPrefix);
            if (options.on() != null) {
                builder.runtime(dev.jmp.Cluster.get(options.on()).runtime());
            }
            if (options.javaHome() != null) {
                builder.javaHome(options.javaHome());
            }
            pool = builder.build();
            try {
                results = pool.imapUnordered(fn, this::feed, options.chunksize());
            } catch (WorkerStartException e) {
                cannotStart(e);
            }
            while (stopReason == null) {
                if (System.nanoTime() - deadline >= 0) {
                    // Checked at every turn, not only when no result came within the poll: an
                    // endless source whose results keep coming must stop too.
                    stop("timeout");
                    break;
                }
                try {
                    Object value = results.next(POLL);
                    long index = results.lastIndex();
                    pending.remove(index);
                    put(byIndex, index, value);
                    byCompletion.add(value);
                    timeline.item(index, results.lastTiming(), null);
                    done++;
                    progress.advance(1, 0);
                } catch (WaitTimeoutException e) {
                    // no result within the poll: the deadline is checked at the top
                } catch (NoSuchElementException e) {
                    break;
                } catch (WaitInterruptedException e) {
                    Thread.interrupted(); // terminating the pool below waits; the cell ends as interrupted anyway
                    stop("interrupted");
                } catch (WorkerStartException e) {
                    // the whole pool's failure, no item's: every unfinished item ends with it
                    cannotStart(e);
                } catch (RuntimeException e) {
                    if (stopReason != null) {
                        break; // an item cancelled by the stop, not a failure of its own
                    }
                    long index = results.lastIndex();
                    Object item = pending.remove(index);
                    failures.add(new ItemFailure(index, item == NULL ? null : item, e));
                    timeline.item(index, results.lastTiming(), PoolReport.headline(e));
                    byCompletion.add(null);
                    done++;
                    progress.advance(0, 1);
                    if (!options.collect()) {
                        stop("failed");
                    }
                }
            }
            live.flush();
            progress.finish(stopReason == null ? "done" : stopReason.equals("failed") ? "stopped by a failure"
                    : stopReason.equals("timeout") ? "stopped by --timeout"
                    : stopReason.equals(NO_WORKERS) ? "stopped: its workers could not start" : stopReason);
        } finally {
            timeline.end();
            shutDown();
            items.close();
            dispatcher.releasePrefix(workerPrefix);
        }
        List<Object> ordered = options.unordered() ? byCompletion : byIndex;
        return new Outcome(new ArrayList<>(ordered), failures, stopReason, done, taken.get(), cannotStart);
    }

    /**
     * The items as the pool's feeder reads them (one thread, as the pool needs them): each is
     * remembered until its result comes, so a failure can name it; the pool's window bounds how
     * many that is.
     */
    private java.util.Iterator<Object> feed() {
        @SuppressWarnings("unchecked")
        java.util.Iterator<Object> source = (java.util.Iterator<Object>) items.iterator();
        return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Object next() {
                Object item = source.next();
                pending.put(taken.getAndIncrement(), item == null ? NULL : item);
                return item;
            }
        };
    }

    private static final Object NULL = new Object();

    private static void put(List<Object> byIndex, long index, Object value) {
        while (byIndex.size() <= index) {
            byIndex.add(null);
        }
        byIndex.set((int) index, value);
    }

    private void onOutput(OutputEvent e) {
        LineStreamer out = live;
        if (out == null) {
            return;
        }
        var display = DisplayMarkers.parse(e.line());
        if (display.isPresent()) {
            out.flush();
            DisplayMarkers.publish(display.get(), cell);
            return;
        }
        boolean err = e.stream() == OutputEvent.Stream.STDERR;
        String text = err ? traces.rewrite(e.line()) : e.line();
        if (text != null) {
            out.line("[" + e.label(e.item() >= 0 ? Long.toString(e.item()) : e.workerName()) + "] ", err, text);
        }
    }

    /**
     * Stops the run: remaining items are cancelled, running ones interrupted, and their workers
     * killed after the pool's grace (2 s). The first reason is the one reported.
     *
     * @param reason {@code failed}, {@code timeout} or {@code interrupted}
     */
    private void cannotStart(WorkerStartException e) {
        if (cannotStart == null) {
            cannotStart = e;
        }
        stop(NO_WORKERS);
    }

    void stop(String reason) {
        synchronized (this) {
            if (stopReason == null) {
                stopReason = reason;
            }
        }
        ResultIterator<Object> it = results;
        if (it != null) {
            it.close();
        }
    }

    private void shutDown() {
        ResultIterator<Object> it = results;
        if (it != null && stopReason != null) {
            it.close();
        }
        Pool p = pool;
        if (p == null) {
            return;
        }
        if (stopReason == null) {
            // Every item is done: the workers exit on their own; the cell need not wait for them.
            p.close();
        } else {
            p.terminate(); // cancels, interrupts, kills after the grace, and waits for the workers
        }
    }
}
