package dev.jmp.shared;

import dev.jmp.internal.manager.ManagerCalls;
import dev.jmp.internal.manager.ManagerOp;
import dev.jmp.internal.manager.ManagerReply;
import dev.jmp.internal.manager.ManagerRequest;
import dev.jmp.internal.util.Durations;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;

/**
 * A condition of a shared lock: Python's {@code Manager().Condition(lock)}, as a
 * {@link java.util.concurrent.locks.Condition}. Await and signal it while holding its lock
 * (otherwise {@link IllegalMonitorStateException}). An await releases the lock (every hold of an
 * rlock) atomically in the manager and returns holding it again, whether signalled, timed out,
 * interrupted, or woken because the lock's holder died (then {@link SharedLock#lastHolderDied()}
 * is true). As with any condition, wake-ups may be spurious: wait in a loop on a predicate.
 *
 * <p>The {@code Condition} methods report a timeout by their return value;
 * {@link #await(Duration)} throws {@link TimeoutException} instead, and
 * {@link #awaitUntil(java.util.function.BooleanSupplier, Duration)} waits for a predicate.
 */
public final class SharedCondition extends SharedProxy implements Condition {

    private static final long serialVersionUID = 1L;
    private final SharedLock lock;

    SharedCondition(String manager, long id, String name, SharedLock lock) {
        super(manager, id, name);
        this.lock = lock;
    }

    /** The lock this condition belongs to. */
    public SharedLock lock() {
        return lock;
    }

    /** Waits; returns true if signalled, false if the timeout ({@code ms >= 1}, or -1) passed. */
    private boolean awaitMillis(long ms) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long token = ThreadLocalRandom.current().nextLong();
        try {
            ManagerReply r = ManagerCalls.await(ManagerOp.COND_AWAIT, req().with(token, ms, 0), List.of()).reply();
            lock.granted(new ManagerReply(r.v(), true, r.s()));
            return r.b();
        } catch (InterruptedException e) {
            reclaim(token);
            throw e;
        }
    }

    /** After an interrupted await: take the lock back (with every hold) before reporting it. */
    private void reclaim(long token) {
        ManagerRequest r = ManagerRequest.of(manager, lock.id).with(token, -1, 0);
        boolean again = false;
        while (true) {
            try {
                lock.granted(ManagerCalls.await(ManagerOp.LOCK_RECLAIM, r, List.of()).reply());
                break;
            } catch (InterruptedException e) {
                again = true;
            }
        }
        if (again) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until signalled (or woken) or interrupted. */
    @Override
    public void await() throws InterruptedException {
        awaitMillis(-1);
    }

    /** Waits until signalled (or woken); an interrupt ends the wait early and stays set. */
    @Override
    public void awaitUninterruptibly() {
        try {
            awaitMillis(-1);
        } catch (InterruptedException e) {
            // An interrupt ends the wait like a spurious wake-up (the lock is held again).
            Thread.currentThread().interrupt();
        }
    }

    /** Waits at most {@code nanos}; returns an estimate of the time left (≤ 0 on timeout). */
    @Override
    public long awaitNanos(long nanos) throws InterruptedException {
        long start = System.nanoTime();
        boolean signalled = awaitMillis(Math.max(1, millis(nanos, TimeUnit.NANOSECONDS)));
        long left = nanos - (System.nanoTime() - start);
        return signalled ? Math.max(1, left) : Math.min(0, left);
    }

    /** Waits at most the given time; returns false if it passed. */
    @Override
    public boolean await(long time, TimeUnit unit) throws InterruptedException {
        return awaitMillis(Math.max(1, millis(time, unit)));
    }

    /** Waits until the deadline; returns false if it passed. */
    @Override
    public boolean awaitUntil(Date deadline) throws InterruptedException {
        return awaitMillis(Math.max(1, deadline.getTime() - System.currentTimeMillis()));
    }

    /**
     * Waits at most {@code timeout} for a signal.
     *
     * @throws TimeoutException         if the timeout passed (the lock is held again)
     * @throws IllegalArgumentException if the timeout is negative
     */
    public void await(Duration timeout) throws InterruptedException, TimeoutException {
        if (!awaitMillis(Math.max(1, millis(timeout)))) {
            throw new TimeoutException("no signal on " + describe() + " within " + timeout);
        }
    }

    /**
     * Waits until {@code predicate} (evaluated here, holding the lock) is true, like Python's
     * {@code wait_for}.
     *
     * @throws TimeoutException if it is still false after {@code timeout}
     */
    public void awaitUntil(java.util.function.BooleanSupplier predicate, Duration timeout)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + Durations.check(timeout).toNanos();
        while (!predicate.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !awaitMillis(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)))) {
                if (predicate.getAsBoolean()) {
                    return;
                }
                throw new TimeoutException("the condition's predicate was still false after " + timeout);
            }
        }
    }

    /** Wakes one waiter (it returns once it holds the lock again). */
    @Override
    public void signal() {
        callN(ManagerOp.COND_SIGNAL, 1);
    }

    /** Wakes every waiter. */
    @Override
    public void signalAll() {
        callN(ManagerOp.COND_SIGNAL, Integer.MAX_VALUE);
    }

    @Override
    public String toString() {
        return "<SharedCondition " + describe() + ">";
    }
}
