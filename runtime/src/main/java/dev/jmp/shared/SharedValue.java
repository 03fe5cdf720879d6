package dev.jmp.shared;

import dev.jmp.function.ManagedUnaryOperator;
import dev.jmp.internal.manager.ManagerOp;
import java.util.Objects;

/**
 * One value shared between processes, held by a {@link Manager} (Python's
 * {@code Manager().Value}); each method is one atomic operation in the manager, and the value is
 * copied in and out. {@link #updateAndGet} ships its function to the manager and runs it there.
 * For a number updated from many processes, prefer {@link SharedCounter} (or the memory-mapped
 * values of the same host).
 *
 * @param <T> the value's type
 */
public final class SharedValue<T> extends SharedProxy {

    private static final long serialVersionUID = 1L;

    SharedValue(String manager, long id, String name) {
        super(manager, id, name);
    }

    /** A copy of the value. */
    @SuppressWarnings("unchecked")
    public T get() {
        return (T) call(ManagerOp.VALUE_GET).value(0);
    }

    /** Sets the value. */
    public void set(T value) {
        call(ManagerOp.VALUE_SET, value);
    }

    /** Sets the value; returns the old one. */
    @SuppressWarnings("unchecked")
    public T getAndSet(T value) {
        return (T) call(ManagerOp.VALUE_GET_AND_SET, value).value(0);
    }

    /** Sets {@code update} if the value {@code equals} {@code expect}; returns whether it did. */
    public boolean compareAndSet(T expect, T update) {
        return call(ManagerOp.VALUE_COMPARE_AND_SET, expect, update).reply().b();
    }

    /** Replaces the value with {@code fn(value)} in the manager, atomically; returns the new value. */
    @SuppressWarnings("unchecked")
    public T updateAndGet(ManagedUnaryOperator<T> fn) {
        return (T) call(ManagerOp.VALUE_UPDATE, Objects.requireNonNull(fn, "fn")).value(0);
    }

    /** Replaces the value with {@code fn(value)} in the manager, atomically; returns the old value. */
    @SuppressWarnings("unchecked")
    public T getAndUpdate(ManagedUnaryOperator<T> fn) {
        return (T) callN(ManagerOp.VALUE_UPDATE, 1, Objects.requireNonNull(fn, "fn")).value(0);
    }

    /** The current value, like Python prints {@code Value('i', 3)}. */
    @Override
    public String toString() {
        return "SharedValue(" + get() + ")";
    }
}
