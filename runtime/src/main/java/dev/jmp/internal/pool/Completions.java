package dev.jmp.internal.pool;

import dev.jmp.spi.TraceFormat;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that hand finished results to user code, and what happens when user code throws
 * there.
 *
 * <p>Views of a result (a {@code CompletableFuture}, an executor's {@code Future}) complete on
 * one process-wide executor that is never shut down: its threads end when idle, so it costs
 * nothing between results, and a view asked for after its pool closed (or terminated) still
 * completes. A pool's own callback thread could not promise that once the pool is gone, and a
 * callback that blocks must not hold up every view.
 */
public final class Completions {

    private static final Executor VIEWS = idleExecutor("jmp-result-views", 2);

    private Completions() {
    }

    /** Where views of results complete: always accepts work, whatever state the pools are in. */
    public static Executor views() {
        return VIEWS;
    }

    /**
     * A pool's callback executor: one thread, in submission order, as Python's result handler;
     * the thread ends when idle, so the executor needs no shutdown and never refuses a callback.
     */
    public static Executor callbacks() {
        return idleExecutor("jmp-pool-callbacks", 1);
    }

    private static Executor idleExecutor(String name, int threads) {
        ThreadPoolExecutor e = new ThreadPoolExecutor(threads, threads, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                dev.jmp.spi.Daemons.factory(name));
        e.allowCoreThreadTimeOut(true);
        return e;
    }

    /**
     * Runs a user callback; what it throws is reported on {@code System.err} (the running cell's
     * stderr in a notebook, with its trace in cell lines) instead of being lost, and the pool's
     * callback thread goes on with the next callback.
     *
     * @param what     names the callback for the report, for example {@code the callback of job 7}
     * @param callback the user's code
     */
    public static void runCallback(String what, Runnable callback) {
        try {
            callback.run();
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError v && !(v instanceof StackOverflowError)) {
                throw v;
            }
            report(System.err, what, t);
        }
    }

    static void report(PrintStream err, String what, Throwable t) {
        List<String> lines = TraceFormat.lines(t);
        synchronized (err) {
            err.println("Exception in " + what + " (the pool goes on):");
            if (lines == null) {
                t.printStackTrace(err);
            } else {
                lines.forEach(err::println);
            }
            err.flush();
        }
    }
}
