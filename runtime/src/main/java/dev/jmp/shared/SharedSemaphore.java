package dev.jmp.shared;

import dev.jmp.internal.manager.ManagerCalls;
import dev.jmp.internal.manager.ManagerOp;
import dev.jmp.internal.manager.ManagerReply;
import dev.jmp.internal.manager.ManagerRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A counting semaphore shared between processes: Python's {@code Manager().Semaphore(n)} or
 * {@code BoundedSemaphore(n)}, with the method names of {@link java.util.concurrent.Semaphore}.
 * Waiters are served in arrival order. Any process may release permits; a bounded semaphore
 * throws {@link IllegalStateException} on a release that would exceed its initial count.
 *
 * <p><b>Dead holders.</b> The manager counts the permits each process holds; when a process
 * dies, the permits it still held come back (within the bound) and the next acquirer sees
 * {@link #lastHolderDied()}.
 */
public final class SharedSemaphore extends SharedProxy {

    private static final long serialVersionUID = 1L;
    private transient ThreadLocal<String> deadHolder;

    SharedSemaphore(String manager, long id, String name) {
        super(manager, id, name);
    }

    private synchronized ThreadLocal<String> deaths() {
        if (deadHolder == null) {
            deadHolder = new ThreadLocal<>();
        }
        return deadHolder;
    }

    private boolean granted(ManagerReply r) {
        if (r.b()) {
            deaths().set(r.s());
        }
        return r.b();
    }

    private static long count(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be >= 1, not " + permits);
        }
        return permits;
    }

    private boolean acquire(long permits, long ms) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        ManagerRequest r = req().with(ThreadLocalRandom.current().nextLong(), ms, permits);
        try {
            return granted(ManagerCalls.await(ManagerOp.SEM_ACQUIRE, r, List.of()).reply());
        } catch (InterruptedException e) {
            ManagerCalls.send(ManagerOp.SEM_ABANDON, r);
            throw e;
        }
    }

    /** Waits for a permit. */
    public void acquire() throws InterruptedException {
        acquire(1, -1);
    }

    /** Waits for {@code permits} permits (taken at once). */
    public void acquire(int permits) throws InterruptedException {
        acquire(count(permits), -1);
    }

    /** Takes a permit if one is free now. */
    public boolean tryAcquire() {
        return granted(ManagerCalls.call(ManagerOp.SEM_ACQUIRE, req().with(ThreadLocalRandom.current().nextLong(), 0, 1),
                List.of()).reply());
    }

    /**
     * Waits at most {@code timeout} for a permit.
     *
     * @throws IllegalArgumentException if the timeout is negative
     */
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        return acquire(1, millis(timeout));
    }

    /** Waits at most {@code timeout} for {@code permits} permits. */
    public boolean tryAcquire(int permits, Duration timeout) throws InterruptedException {
        return acquire(count(permits), millis(timeout));
    }

    /**
     * Gives back a permit.
     *
     * @throws IllegalStateException if the semaphore is bounded and this would exceed the bound
     */
    public void release() {
        callN(ManagerOp.SEM_RELEASE, 1);
    }

    /**
     * Gives back {@code permits} permits.
     *
     * @throws IllegalStateException if the semaphore is bounded and this would exceed the bound
     */
    public void release(int permits) {
        callN(ManagerOp.SEM_RELEASE, count(permits));
    }

    /** The number of free permits now. */
    public int availablePermits() {
        return (int) call(ManagerOp.SEM_AVAILABLE).reply().v();
    }

    /** Whether the calling thread's last acquisition got permits given back by a dead process. */
    public boolean lastHolderDied() {
        return deaths().get() != null;
    }

    /** Which process died holding the permits the calling thread's last acquisition got, or empty. */
    public Optional<String> lastDeadHolder() {
        return Optional.ofNullable(deaths().get());
    }

    @Override
    public String toString() {
        return "<SharedSemaphore " + describe() + " permits=" + availablePermits() + ">";
    }
}
