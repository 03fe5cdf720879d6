package dev.jmp;

import dev.jmp.shared.mapped.IntCells;
import dev.jmp.shared.mapped.MappedCells;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;

/**
 * An {@code int} shared between processes, like Python's {@code Value('i')} with the methods
 * of {@link java.util.concurrent.atomic.AtomicInteger}. Every method is atomic and linearizable
 * across all processes that hold the value; there is no lock to forget.
 *
 * <p>The creating process owns the value. Sending it to another process (as a task argument,
 * inside a lambda, or through any Java serialization) hands over a live proxy: on the same
 * host the proxy maps the same memory, so an update costs one atomic instruction and no
 * message. The owner frees the value on {@link #close()}, when its last reference in the owner
 * becomes unreachable, or at exit; from then on every proxy throws
 * {@link IllegalStateException} naming the value.
 *
 * <pre>{@code
 * SharedInt hits = new SharedInt();
 * pool.map(x -> hits.incrementAndGet(), items);   // each worker updates the same counter
 * }</pre>
 */
public final class SharedInt implements Serializable, AutoCloseable {

    private static final long serialVersionUID = 1L;

    private final transient IntCells cells;

    /** Creates a shared value holding 0, owned by this process. */
    public SharedInt() {
        this(0);
    }

    /**
     * Creates a shared value owned by this process.
     *
     * @param initial the initial value
     */
    public SharedInt(int initial) {
        this.cells = MappedCells.ints("SharedInt", 1);
        if (initial != 0) {
            cells.set(0, initial);
        }
    }

    SharedInt(IntCells cells) {
        this.cells = cells;
    }

    /**
     * Returns the current value.
     *
     * @return the value
     */
    public int get() {
        return cells.get(0);
    }

    /**
     * Sets the value.
     *
     * @param value the new value
     */
    public void set(int value) {
        cells.set(0, value);
    }

    /**
     * Sets the value and returns the old one.
     *
     * @param value the new value
     * @return the previous value
     */
    public int getAndSet(int value) {
        return cells.getAndSet(0, value);
    }

    /**
     * Adds one and returns the new value.
     *
     * @return the updated value
     */
    public int incrementAndGet() {
        return cells.getAndAdd(0, 1) + 1;
    }

    /**
     * Adds one and returns the old value.
     *
     * @return the previous value
     */
    public int getAndIncrement() {
        return cells.getAndAdd(0, 1);
    }

    /**
     * Subtracts one and returns the new value.
     *
     * @return the updated value
     */
    public int decrementAndGet() {
        return cells.getAndAdd(0, -1) - 1;
    }

    /**
     * Subtracts one and returns the old value.
     *
     * @return the previous value
     */
    public int getAndDecrement() {
        return cells.getAndAdd(0, -1);
    }

    /**
     * Adds {@code delta} and returns the new value.
     *
     * @param delta the amount to add
     * @return the updated value
     */
    public int addAndGet(int delta) {
        return cells.getAndAdd(0, delta) + delta;
    }

    /**
     * Adds {@code delta} and returns the old value.
     *
     * @param delta the amount to add
     * @return the previous value
     */
    public int getAndAdd(int delta) {
        return cells.getAndAdd(0, delta);
    }

    /**
     * Sets the value to {@code update} if it equals {@code expected}.
     *
     * @param expected the value it must hold
     * @param update the new value
     * @return {@code true} if the value was updated
     */
    public boolean compareAndSet(int expected, int update) {
        return cells.compareAndExchange(0, expected, update) == expected;
    }

    /**
     * Applies {@code function} atomically and returns the new value. The function may run
     * more than once under contention, so it must not have side effects.
     *
     * @param function computes the new value from the current one
     * @return the updated value
     */
    public int updateAndGet(IntUnaryOperator function) {
        int prev = cells.get(0);
        while (true) {
            int next = function.applyAsInt(prev);
            int witness = cells.compareAndExchange(0, prev, next);
            if (witness == prev) {
                return next;
            }
            prev = witness;
        }
    }

    /**
     * Applies {@code function} atomically and returns the old value; see
     * {@link #updateAndGet(IntUnaryOperator)}.
     *
     * @param function computes the new value from the current one
     * @return the previous value
     */
    public int getAndUpdate(IntUnaryOperator function) {
        int prev = cells.get(0);
        while (true) {
            int witness = cells.compareAndExchange(0, prev, function.applyAsInt(prev));
            if (witness == prev) {
                return prev;
            }
            prev = witness;
        }
    }

    /**
     * Combines the value with {@code x} atomically and returns the new value; see
     * {@link #updateAndGet(IntUnaryOperator)}.
     *
     * @param x the second operand
     * @param function combines the current value (first) with {@code x}
     * @return the updated value
     */
    public int accumulateAndGet(int x, IntBinaryOperator function) {
        return updateAndGet(v -> function.applyAsInt(v, x));
    }

    /**
     * Combines the value with {@code x} atomically and returns the old value.
     *
     * @param x the second operand
     * @param function combines the current value (first) with {@code x}
     * @return the previous value
     */
    public int getAndAccumulate(int x, IntBinaryOperator function) {
        return getAndUpdate(v -> function.applyAsInt(v, x));
    }

    /**
     * Returns the name that identifies this value in every process and in error messages.
     *
     * @return for example {@code SharedInt#3@pid4242}
     */
    public String name() {
        return cells.name();
    }

    /**
     * In the owner, frees the value for every process; in a proxy, only stops this proxy.
     * Either way, this object throws {@link IllegalStateException} afterwards. Idempotent.
     */
    @Override
    public void close() {
        cells.close();
    }

    /**
     * Returns the name and the current value, or the name and {@code closed}.
     *
     * @return a description for printing
     */
    @Override
    public String toString() {
        try {
            return name() + "=" + get();
        } catch (IllegalStateException e) {
            return name() + " (closed)";
        }
    }

    private Object writeReplace() {
        return new SharedForm(SharedForm.Type.INT, cells.ref());
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a SharedInt travels as its reference form only");
    }
}
