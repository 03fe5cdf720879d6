package dev.jmp.shared;

import dev.jmp.error.WaitInterruptedException;
import dev.jmp.internal.manager.ManagerCalls;
import dev.jmp.internal.manager.ManagerOp;
import dev.jmp.internal.manager.ManagerReply;
import dev.jmp.internal.manager.ManagerRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/**
 * A lock shared between processes, held by a {@link Manager}: Python's {@code Manager().Lock()},
 * as a {@link java.util.concurrent.locks.Lock}.
 *
 * <p>The lock records its holder, a process and a thread. {@link #unlock()} by any other thread
 * throws {@link IllegalMonitorStateException}, as in Java. This lock is not reentrant: a second
 * {@link #lock()} by the holder throws {@link IllegalStateException} instead of waiting forever
 * (use {@link Manager#rlock()}); a timed {@code tryLock} by the holder just times out. Waiters
 * are served in arrival order.
 *
 * <p><b>Dead holders.</b> When the holder's process dies (killed, crashed, exited), the manager
 * releases the lock, wakes the waiters of its conditions, and hands the lock to the next
 * acquirer, who can then see it with {@link #lastHolderDied()}: whatever the lock guarded may
 * have been left half-updated.
 */
public class SharedLock extends SharedProxy implements Lock {

    private static final long serialVersionUID = 1L;
    private transient ThreadLocal<String> deadHolder;

    SharedLock(String manager, long id, String name) {
        super(manager, id, name);
    }

    private ThreadLocal<String> deaths() {
        ThreadLocal<String> d = deadHolder;
        if (d == null) {
            synchronized (this) {
                if (deadHolder == null) {
                    deadHolder = new ThreadLocal<>();
                }
                d = deadHolder;
            }
        }
        return d;
    }

    /** Notes what a grant said about the previous holder; returns whether it was granted. */
    boolean granted(ManagerReply r) {
        if (r.b()) {
            deaths().set(r.s());
        }
        return r.b();
    }

    private boolean acquire(long ms) throws InterruptedException {
        ManagerRequest r = req().with(ThreadLocalRandom.current().nextLong(), ms, 1);
        try {
            return granted(ManagerCalls.await(ManagerOp.LOCK_ACQUIRE, r, List.of()).reply());
        } catch (InterruptedException e) {
            ManagerCalls.send(ManagerOp.LOCK_ABANDON, r);
            throw e;
        }
    }

    /** Waits for the lock, ignoring interrupts (the interrupt flag is kept). */
    @Override
    public void lock() {
        boolean interrupted = false;
        while (true) {
            // Uninterruptible, so it may take the quick route: the caller reads its grant itself.
            ManagerRequest r = req().with(ThreadLocalRandom.current().nextLong(), -1, 1);
            try {
                granted(ManagerCalls.call(ManagerOp.LOCK_ACQUIRE, r, List.of()).reply());
                break;
            } catch (WaitInterruptedException e) {
                // withdrawn unanswered; give back a grant in case one was made meanwhile
                ManagerCalls.send(ManagerOp.LOCK_ABANDON, r);
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the lock unless interrupted. */
    @Override
    public void lockInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        acquire(-1);
    }

    /** Takes the lock if it is free now. */
    @Override
    public boolean tryLock() {
        return granted(ManagerCalls.call(ManagerOp.LOCK_ACQUIRE,
                req().with(ThreadLocalRandom.current().nextLong(), 0, 1), List.of()).reply());
    }

    /** Waits at most the given time for the lock. */
    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return acquire(millis(time, unit));
    }

    /**
     * Waits at most {@code timeout} for the lock.
     *
     * @throws IllegalArgumentException if the timeout is negative
     */
    public boolean tryLock(Duration timeout) throws InterruptedException {
        return tryLock(millis(timeout), TimeUnit.MILLISECONDS);
    }

    /**
     * Releases the lock (one hold of a reentrant lock).
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold it
     */
    @Override
    public void unlock() {
        call(ManagerOp.LOCK_RELEASE);
    }

    /** Python's spelling of {@link #lock()}. */
    public void acquire() {
        lock();
    }

    /** Python's spelling of {@link #unlock()}. */
    public void release() {
        unlock();
    }

    /**
     * A new condition tied to this lock, living in the same manager.
     *
     * @return the condition; await and signal it while holding this lock
     */
    @Override
    public SharedCondition newCondition() {
        ManagerReply r = ManagerCalls.call(ManagerOp.NEW_CONDITION, new ManagerRequest(manager, id,
                ManagerRequest.caller(), 0, -1, 0), List.of()).reply();
        return new SharedCondition(manager, r.v(), r.s(), this);
    }

    /**
     * Whether the calling thread's last acquisition of this lock (through this proxy) took it
     * over from a holder whose process died while holding it.
     */
    public boolean lastHolderDied() {
        return deaths().get() != null;
    }

    /**
     * Who died holding the lock before the calling thread's last acquisition, such as
     * {@code worker w3-ab12cd (pid 4242, thread 1)}, or empty.
     */
    public Optional<String> lastDeadHolder() {
        return Optional.ofNullable(deaths().get());
    }

    /** Whether some thread of some process holds the lock now. */
    public boolean isLocked() {
        return call(ManagerOp.LOCK_STATE).reply().b();
    }

    /** Whether the calling thread holds the lock. */
    public boolean isHeldByCurrentThread() {
        return call(ManagerOp.LOCK_STATE).reply().v() > 0;
    }

    /** The lock and its holder, if any. */
    @Override
    public String toString() {
        ManagerReply r = call(ManagerOp.LOCK_STATE).reply();
        return "<" + getClass().getSimpleName() + " " + describe() + (r.b() ? " held by " + r.s() : " unlocked") + ">";
    }
}
