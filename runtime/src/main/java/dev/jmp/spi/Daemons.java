package dev.jmp.spi;

import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;

/**
 * The one place jmp makes its background threads, for the runtime, the magics and the kernel
 * alike (which is why it sits in an exported package: the magics and the kernel may not use
 * the runtime's internals). Every thread is a daemon, so none of them keeps a JVM alive: a
 * notebook's kernel, a worker or a user's program ends when its own threads do.
 */
public final class Daemons {

    /** Created on first use, so a JVM that schedules nothing starts no timer thread. */
    private static final class Shared {
        static final ScheduledExecutorService TIMER = timer("jmp-timer");
    }

    private Daemons() {
    }

    /**
     * An unstarted daemon thread.
     *
     * @param name the thread's name, {@code jmp-...} by convention
     * @param body what it runs
     * @return the thread
     */
    public static Thread thread(String name, Runnable body) {
        Thread t = new Thread(Objects.requireNonNull(body, "body"), Objects.requireNonNull(name, "name"));
        t.setDaemon(true);
        return t;
    }

    /**
     * Starts a daemon thread.
     *
     * @param name the thread's name
     * @param body what it runs
     * @return the started thread
     */
    public static Thread start(String name, Runnable body) {
        Thread t = thread(name, body);
        t.start();
        return t;
    }

    /**
     * A factory for executors whose threads all carry one name.
     *
     * @param name the threads' name
     * @return the factory
     */
    public static ThreadFactory factory(String name) {
        Objects.requireNonNull(name, "name");
        return r -> thread(name, r);
    }

    /**
     * A timer of one daemon thread of its own, for an owner that shuts it down when it closes
     * (cancelled tasks are removed at once, so timeouts that rarely fire do not pile up).
     *
     * @param name the thread's name
     * @return the timer
     */
    public static ScheduledExecutorService timer(String name) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, factory(name));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /**
     * The process-wide timer for short tasks: timeouts of waits, flushes of batched output,
     * display refreshes. A task must not block, since every other waits behind it; one that
     * may block hands its work to a thread of its own. Never shut it down.
     *
     * @return the shared timer
     */
    public static ScheduledExecutorService sharedTimer() {
        return Shared.TIMER;
    }
}
