package dev.jmp.shared;

import dev.jmp.internal.mapped.DoubleCells;
import dev.jmp.internal.mapped.MappedCells;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A {@code double} shared between processes, like Python's {@code Value('d')}. Every method
 * is atomic and linearizable across all processes that hold the value. Comparisons are bitwise
 * ({@link Double#doubleToRawLongBits(double)}), so {@code NaN} compares equal to itself and
 * {@code 0.0} differs from {@code -0.0}.
 *
 * <p>Ownership, sharing and lifetime are those of {@link SharedLong}: a serialized copy is a
 * live proxy on the same memory; the owner frees the value on {@link #close()}, when it becomes
 * unreachable in the owner, or at exit, and later use anywhere throws
 * {@link IllegalStateException}.
 */
public final class SharedDouble extends CellsBacked {

    private static final long serialVersionUID = 1L;

    private final transient DoubleCells cells;

    /** Creates a shared value holding 0.0, owned by this process. */
    public SharedDouble() {
        this(0.0);
    }

    /**
     * Creates a shared value owned by this process.
     *
     * @param initial the initial value
     */
    public SharedDouble(double initial) {
        this(MappedCells.doubles("SharedDouble", 1));
        if (Double.doubleToRawLongBits(initial) != 0) {
            cells.set(0, initial);
        }
    }

    SharedDouble(DoubleCells cells) {
        super(cells, SharedForm.Type.DOUBLE);
        this.cells = cells;
    }

    /**
     * Returns the current value.
     *
     * @return the value
     */
    public double get() {
        return cells.get(0);
    }

    /**
     * Sets the value.
     *
     * @param value the new value
     */
    public void set(double value) {
        cells.set(0, value);
    }

    /**
     * Sets the value and returns the old one.
     *
     * @param value the new value
     * @return the previous value
     */
    public double getAndSet(double value) {
        return cells.getAndSet(0, value);
    }

    /**
     * Adds {@code delta} atomically and returns the new value.
     *
     * @param delta the amount to add
     * @return the updated value
     */
    public double addAndGet(double delta) {
        return cells.getAndAdd(0, delta) + delta;
    }

    /**
     * Adds {@code delta} atomically and returns the old value.
     *
     * @param delta the amount to add
     * @return the previous value
     */
    public double getAndAdd(double delta) {
        return cells.getAndAdd(0, delta);
    }

    /**
     * Sets the value to {@code update} if its bits equal those of {@code expected}.
     *
     * @param expected the value it must hold, compared bitwise
     * @param update the new value
     * @return {@code true} if the value was updated
     */
    public boolean compareAndSet(double expected, double update) {
        return cells.compareAndSet(0, expected, update);
    }

    /**
     * Applies {@code function} atomically and returns the new value. The function may run
     * more than once under contention, so it must not have side effects.
     *
     * @param function computes the new value from the current one
     * @return the updated value
     */
    public double updateAndGet(DoubleUnaryOperator function) {
        return cells.updateAndGet(0, function);
    }

    /**
     * Applies {@code function} atomically and returns the old value; see
     * {@link #updateAndGet(DoubleUnaryOperator)}.
     *
     * @param function computes the new value from the current one
     * @return the previous value
     */
    public double getAndUpdate(DoubleUnaryOperator function) {
        return cells.getAndUpdate(0, function);
    }

    /**
     * Combines the value with {@code x} atomically and returns the new value; see
     * {@link #updateAndGet(DoubleUnaryOperator)}.
     *
     * @param x the second operand
     * @param function combines the current value (first) with {@code x}
     * @return the updated value
     */
    public double accumulateAndGet(double x, DoubleBinaryOperator function) {
        return updateAndGet(v -> function.applyAsDouble(v, x));
    }

    @Override
    String contents() {
        return "=" + get();
    }
}
