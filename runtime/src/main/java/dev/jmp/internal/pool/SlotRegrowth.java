package dev.jmp.internal.pool;

import dev.jmp.internal.supervisor.TaskWorker;
import dev.jmp.internal.supervisor.TaskWorkers;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Brings a pool back to its size after a replacement could not start (a host cut off by the
 * partition that cost the worker): the lost slot is tried again later, after
 * {@value #FIRST_MILLIS} ms and then twice as long each time up to {@value #MAX_MILLIS} ms, until
 * a worker starts there or the pool no longer wants one. The launch runs outside the scheduler's
 * lock: against a host still cut off it takes ssh's connect timeout, and the workers left must go
 * on receiving items meanwhile. A new worker that ends before it is installed (its exit reaches
 * the scheduler first) is noticed and tried again, not installed dead.
 */
final class SlotRegrowth {

    /** The first wait before a lost slot is tried again. */
    static final long FIRST_MILLIS = 2_000;
    /** The longest wait between two tries. */
    static final long MAX_MILLIS = 30_000;
    private static final System.Logger LOG = System.getLogger(PoolScheduler.class.getName());

    private final Object lock;
    private final TaskWorkers workers;
    private final Supplier<TaskWorker> acquire;
    private final IntPredicate wanted;
    private final BiConsumer<TaskWorker, Integer> install;
    /** Tries in progress outside the lock, and the new workers that ended meanwhile (guarded by {@code lock}). */
    private int inProgress;
    private final Set<TaskWorker> endedEarly = new HashSet<>();

    /**
     * @param lock    the scheduler, whose lock guards its slots
     * @param acquire starts a worker for the pool (may take long; called without the lock)
     * @param wanted  whether a slot is empty and still wanted (called with the lock)
     * @param install puts a started worker in a slot (called with the lock)
     */
    SlotRegrowth(Object lock, TaskWorkers workers, Supplier<TaskWorker> acquire, IntPredicate wanted,
                 BiConsumer<TaskWorker, Integer> install) {
        this.lock = lock;
        this.workers = workers;
        this.acquire = acquire;
        this.wanted = wanted;
        this.install = install;
    }

    /** Tries the slot again after the first wait. */
    void later(int index) {
        later(index, FIRST_MILLIS);
    }

    /** A worker with no slot ended (call with the lock): if a try is in progress, it may be that try's. */
    void ended(TaskWorker worker) {
        if (inProgress > 0) {
            endedEarly.add(worker);
        }
    }

    private void later(int index, long delayMillis) {
        workers.schedule(() -> attempt(index, delayMillis), delayMillis);
    }

    private void attempt(int index, long lastDelayMillis) {
        synchronized (lock) {
            if (!wanted.test(index)) {
                return;
            }
            inProgress++;
        }
        TaskWorker h = null;
        RuntimeException failure = null;
        try {
            h = acquire.get();
        } catch (RuntimeException e) {
            failure = e;
        }
        synchronized (lock) {
            inProgress--;
            boolean ended = h != null && endedEarly.remove(h);
            if (inProgress == 0) {
                endedEarly.clear();
            }
            if (failure != null || ended) {
                long next = Math.min(lastDelayMillis * 2, MAX_MILLIS);
                LOG.log(System.Logger.Level.DEBUG, "pool slot " + (index + 1) + " still cannot start a worker; next try in "
                        + next + " ms: " + (failure != null ? failure.getMessage() : "it ended before it connected"));
                if (wanted.test(index)) {
                    later(index, next);
                }
                return;
            }
            if (!wanted.test(index)) {
                h.stop("its pool no longer needs it", true);
                return;
            }
            install.accept(h, index);
        }
    }
}
