package dev.jmp.internal.wire;

import dev.jmp.spi.Daemons;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One thread that takes turns at a blocking step (an endpoint's receive, bounded by its poll
 * interval), then runs the actions queued for it and the timers that are due. Actions and timers
 * therefore run on the thread that owns the endpoint's inbound socket and verifier, so they need
 * no lock with message handlers. A failing action or timer is logged and the loop goes on; a
 * failing step ends the loop.
 */
final class EventLoop {

    private static final System.Logger LOG = System.getLogger("dev.jmp.wire");

    /** The blocking step of each turn. */
    @FunctionalInterface
    interface Step {
        /** Blocks for at most one poll interval; returns false to end the loop (a failure it recorded). */
        boolean run();
    }

    /** Told once, on the loop's thread, when the loop ended. */
    @FunctionalInterface
    interface End {
        /**
         * @param cause   what the step threw, or null
         * @param stopped whether {@link #stop()} was called before the loop ended (a close)
         */
        void ended(Throwable cause, boolean stopped);
    }

    private static final class Timer {
        final long periodMillis;
        final Runnable action;
        long due;

        Timer(long periodMillis, Runnable action) {
            this.periodMillis = periodMillis;
            this.action = action;
            this.due = System.currentTimeMillis() + periodMillis;
        }
    }

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<Timer> timers = new CopyOnWriteArrayList<>();
    private final Step step;
    private final End end;
    private final Thread thread;
    private volatile boolean running = true;

    // The thread holds this::loop but starts only in start(), after construction.
    @SuppressWarnings("this-escape")
    EventLoop(String threadName, Step step, End end) {
        this.step = step;
        this.end = end;
        thread = Daemons.thread(threadName, this::loop);
    }

    void start() {
        thread.start();
    }

    /** Asks the loop to end after its current turn. */
    void stop() {
        running = false;
    }

    /** Whether the loop has neither been stopped nor ended. */
    boolean isRunning() {
        return running;
    }

    /** Whether the calling thread is the loop's. */
    boolean onLoopThread() {
        return Thread.currentThread() == thread;
    }

    /** Waits up to {@code millis} for the loop's thread to end, unless called on it. */
    void join(long millis) {
        if (onLoopThread() || !thread.isAlive()) {
            return;
        }
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs an action on the loop's thread after the current step. */
    void execute(Runnable action) {
        tasks.add(action);
    }

    /** Runs an action on the loop's thread every {@code periodMillis} (at the step's granularity). */
    void every(long periodMillis, Runnable action) {
        timers.add(new Timer(periodMillis, action));
    }

    private void loop() {
        Throwable cause = null;
        try {
            while (running) {
                if (!step.run()) {
                    break;
                }
                runTasks();
                runTimers();
            }
        } catch (RuntimeException | Error e) {
            cause = e;
        }
        boolean stopped = !running;
        running = false;
        end.ended(cause, stopped);
    }

    private void runTasks() {
        Runnable r;
        while ((r = tasks.poll()) != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "queued action failed", e);
            }
        }
    }

    private void runTimers() {
        long now = System.currentTimeMillis();
        for (Timer t : timers) {
            if (now >= t.due) {
                t.due = now + t.periodMillis;
                try {
                    t.action.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "timer action failed", e);
                }
            }
        }
    }
}
