package dev.jmp.shared;

import dev.jmp.internal.mapped.IntCells;
import dev.jmp.internal.mapped.MappedCells;
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
public final class SharedInt extends CellsBacked {

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
        this(MappedCells.ints("SharedInt", 1));
        if (initial != 0) {
            cells.set(0, initial);
        }
    }

    SharedInt(IntCells cells) {
        super(cells, SharedForm.Type.INT);
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
        return cells.updateAndGet(0, function);
    }

    /**
     * Applies {@code function} atomically and returns the old value; see
     * {@link #updateAndGet(IntUnaryOperator)}.
     *
     * @param function computes the new value from the current one
     * @return the previous value
     */
    public int getAndUpdate(IntUnaryOperator function) {
        return cells.getAndUpdate(0, function);
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

    @Override
    String contents() {
        return "=" + get();
    }
}
