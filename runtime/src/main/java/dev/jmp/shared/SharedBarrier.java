package dev.jmp.shared;

import dev.jmp.internal.manager.BarrierStatus;
import dev.jmp.internal.manager.ManagerCalls;
import dev.jmp.internal.manager.ManagerOp;
import dev.jmp.internal.manager.ManagerReply;
import dev.jmp.internal.manager.ManagerRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeoutException;

/**
 * A barrier shared between processes: Python's {@code Manager().Barrier(parties, timeout)}, with
 * the exceptions of {@link java.util.concurrent.CyclicBarrier}. It is cyclic: once every party
 * arrives, all are released and it can be used again.
 *
 * <p>A wait that times out breaks the barrier: that party gets {@link TimeoutException}, every
 * other waiting party gets {@link BrokenBarrierException}, and so does every later wait until
 * {@link #reset()}. A party that is interrupted, or whose process dies, while waiting breaks it
 * the same way, so no process waits forever for a dead one.
 */
public final class SharedBarrier extends SharedProxy {

    private static final long serialVersionUID = 1L;
    private final int parties;

    SharedBarrier(String manager, long id, String name, int parties) {
        super(manager, id, name);
        this.parties = parties;
    }

    private int await(long ms) throws InterruptedException, BrokenBarrierException, TimeoutException {
        ManagerReply r = ManagerCalls.await(ManagerOp.BARRIER_AWAIT, req().with(0, ms, 0), List.of()).reply();
        BarrierStatus status = BarrierStatus.of(r);
        if (status == BarrierStatus.TIMEOUT) {
            throw new TimeoutException("not all " + parties + " parties reached " + describe()
                    + " in time; the barrier is now broken");
        }
        if (status == BarrierStatus.BROKEN) {
            throw new BrokenBarrierException(describe() + " is broken (a party timed out, was interrupted or died,"
                    + " or it was reset or aborted); reset() it to use it again");
        }
        return (int) r.v();
    }

    /**
     * Waits until every party has arrived (or the barrier's default timeout, if it has one).
     *
     * @return the arrival index: {@code parties - 1} for the first to arrive, 0 for the last
     * @throws BrokenBarrierException if the barrier is or becomes broken
     * @throws TimeoutException       if the barrier's default timeout passed (it is then broken)
     */
    public int await() throws InterruptedException, BrokenBarrierException, TimeoutException {
        return await(ManagerRequest.BARRIER_DEFAULT_TIMEOUT);
    }

    /**
     * Waits at most {@code timeout} until every party has arrived.
     *
     * @return the arrival index
     * @throws TimeoutException       if the timeout passed (the barrier is then broken)
     * @throws BrokenBarrierException if the barrier is or becomes broken
     */
    public int await(Duration timeout) throws InterruptedException, BrokenBarrierException, TimeoutException {
        return await(millis(timeout));
    }

    /** Breaks the barrier for current waiters, then makes it usable again. */
    public void reset() {
        call(ManagerOp.BARRIER_RESET);
    }

    /** Breaks the barrier (Python's {@code abort()}): waits fail until {@link #reset()}. */
    public void abort() {
        call(ManagerOp.BARRIER_ABORT);
    }

    /** Whether the barrier is broken. */
    public boolean isBroken() {
        return call(ManagerOp.BARRIER_STATE).reply().b();
    }

    /** How many parties wait now. */
    public int getNumberWaiting() {
        return (int) call(ManagerOp.BARRIER_STATE).reply().v();
    }

    /** The number of parties. */
    public int getParties() {
        return parties;
    }

    @Override
    public String toString() {
        return "<SharedBarrier " + describe() + " parties=" + parties + ">";
    }
}
