package dev.jmp.shared;

import dev.jmp.function.ManagedLongOperator;
import dev.jmp.internal.manager.ManagerCalls;
import dev.jmp.internal.manager.ManagerOp;
import java.util.List;
import java.util.Objects;

/**
 * A {@code long} shared between processes through a {@link Manager}, with the methods of
 * {@link java.util.concurrent.atomic.AtomicLong}; each is one atomic operation in the manager,
 * from whichever process (one round trip to the parent per call). On one host the memory-mapped
 * counters are much faster; this one works from any process the manager can reach.
 */
public final class SharedCounter extends SharedProxy {

    private static final long serialVersionUID = 1L;

    SharedCounter(String manager, long id, String name) {
        super(manager, id, name);
    }

    /** The current value. */
    public long get() {
        return call(ManagerOp.COUNTER_GET).reply().v();
    }

    /** Sets the value. */
    public void set(long value) {
        callN(ManagerOp.COUNTER_SET, value);
    }

    /** Adds {@code delta}; returns the new value. */
    public long addAndGet(long delta) {
        return callN(ManagerOp.COUNTER_ADD, delta).reply().v();
    }

    /** Adds {@code delta}; returns the old value. */
    public long getAndAdd(long delta) {
        return addAndGet(delta) - delta;
    }

    /** Adds one; returns the new value. */
    public long incrementAndGet() {
        return addAndGet(1);
    }

    /** Subtracts one; returns the new value. */
    public long decrementAndGet() {
        return addAndGet(-1);
    }

    /** Adds one; returns the old value. */
    public long getAndIncrement() {
        return addAndGet(1) - 1;
    }

    /** Subtracts one; returns the old value. */
    public long getAndDecrement() {
        return addAndGet(-1) + 1;
    }

    /** Sets {@code update} if the value is {@code expect}; returns whether it did. */
    public boolean compareAndSet(long expect, long update) {
        return ManagerCalls.call(ManagerOp.COUNTER_COMPARE_AND_SET, req().with(expect, -1, update), List.of())
                .reply().b();
    }

    /** Replaces the value with {@code fn(value)} in the manager, atomically; returns the new value. */
    public long updateAndGet(ManagedLongOperator fn) {
        return call(ManagerOp.COUNTER_UPDATE, Objects.requireNonNull(fn, "fn")).reply().v();
    }

    /** The current value. */
    @Override
    public String toString() {
        return Long.toString(get());
    }
}
