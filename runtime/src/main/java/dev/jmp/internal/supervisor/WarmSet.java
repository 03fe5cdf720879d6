package dev.jmp.internal.supervisor;

import dev.jmp.internal.wire.message.TaskOutcome;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Idle workers started ahead of need with the default options, handed to pools and processes so
 * they start in milliseconds. Refilled in the background shortly after each take; a worker that dies
 * while idle is replaced, unless workers keep dying before they connect (then refilling stops
 * rather than looping). It works against {@link Host} and {@link Idle}, so its decisions are
 * unit-tested without processes.
 *
 * @param <W> the workers it holds ({@link WorkerHandle} in the runtime)
 */
public final class WarmSet<W extends WarmSet.Idle> implements WorkerOwner {

    /** An idle worker as the warm set sees it. */
    public interface Idle {
        /** @return completes when the worker connected, exceptionally if it never will */
        CompletableFuture<?> ready();

        /** @return whether its process is alive */
        boolean isAlive();

        /** Hands the worker to an owner ({@code null}: none). */
        void setOwner(WorkerOwner owner);

        /** Asks the worker to exit. */
        void shutdown(int exitCode);
    }

    /** What the warm set needs from the runtime. */
    public interface Host<W> {
        /** @return whether the runtime shut down (nothing more is started) */
        boolean isClosed();

        /** @return how many idle workers to keep */
        int target();

        /** Starts a worker with the default options, owned by {@code owner}; throws if it cannot. */
        W spawn(WorkerOwner owner);

        /** Warms a connected worker up (loads the classes tasks need). */
        void prime(W worker);

        /** Runs work off the caller's thread. */
        void execute(Runnable work);

        /** Runs work off the caller's thread, {@code delayMillis} from now. */
        void executeLater(Runnable work, long delayMillis);
    }

    private static final System.Logger LOG = System.getLogger("dev.jmp.supervisor");
    /** Workers that die before connecting, or starts that throw, before refilling stops. */
    static final int MAX_FAILURES = 3;
    /**
     * How long after a take the replacement starts. A JVM starting takes both cores of a small
     * machine for a while; started at once it competes with the first task of the worker just
     * taken, the one a user is waiting for.
     */
    static final long REFILL_DELAY_MS = 50;
    private final Host<W> host;
    private final Deque<W> idle = new ArrayDeque<>();
    private int failures;

    WarmSet(Host<W> host) {
        this.host = host;
    }

    /** Takes an idle worker for {@code owner}, preferring a connected one; {@code null} if none. */
    public W take(WorkerOwner owner) {
        W w = null;
        synchronized (this) {
            for (W h : idle) {
                if (h.ready().isDone() && !h.ready().isCompletedExceptionally() && h.isAlive()) {
                    w = h;
                    break;
                }
            }
            if (w == null) {
                for (W h : idle) {
                    if (h.isAlive()) {
                        w = h;
                        break;
                    }
                }
            }
            if (w != null) {
                idle.remove(w);
                w.setOwner(owner);
            }
        }
        if (w != null) {
            host.executeLater(this::refill, REFILL_DELAY_MS);
        }
        return w;
    }

    /** Number of idle workers. */
    public synchronized int size() {
        return idle.size();
    }

    /** Starts workers until the set has its target size. */
    public void refill() {
        while (!host.isClosed()) {
            synchronized (this) {
                if (idle.size() >= host.target() || failures >= MAX_FAILURES) {
                    return;
                }
                try {
                    W w = host.spawn(this);
                    idle.add(w);
                    w.ready().thenRun(() -> host.prime(w));
                } catch (RuntimeException e) {
                    failures++;
                    LOG.log(System.Logger.Level.WARNING, "cannot start a warm worker", e);
                    return;
                }
            }
        }
    }

    /** Stops idle workers beyond the target size. */
    public void trim() {
        while (true) {
            W w;
            synchronized (this) {
                if (idle.size() <= host.target()) {
                    return;
                }
                w = idle.removeLast();
                w.setOwner(null);
            }
            w.shutdown(0);
        }
    }

    /** Replaces every idle worker (after the worker classpath or options changed). */
    public void recycle() {
        List<W> old;
        synchronized (this) {
            old = List.copyOf(idle);
            idle.clear();
            failures = 0;
        }
        for (W w : old) {
            w.setOwner(null);
            w.shutdown(0);
        }
        refill();
    }

    @Override
    public void onOutcome(TaskWorker worker, TaskOutcome outcome, List<byte[]> frames) {
        // idle workers run nothing
    }

    @Override
    public void onExit(TaskWorker worker, WorkerExit exit) {
        boolean neverConnected = worker.ready().isCompletedExceptionally();
        synchronized (this) {
            if (!idle.remove(worker)) {
                return;
            }
            if (neverConnected && !host.isClosed()) {
                failures++;
                LOG.log(System.Logger.Level.WARNING, "warm worker " + worker + " died before connecting: "
                        + exit.describe() + " " + exit.lastStderr());
            }
        }
        host.execute(this::refill);
    }
}
