package dev.jmp.internal.mapped;

import java.util.function.DoubleUnaryOperator;

/**
 * A backend of {@code double} elements. Each single-element operation is atomic; range
 * operations are atomic per element, not as a whole. Comparisons are bitwise (as
 * {@link Double#doubleToRawLongBits(double)}), so {@code NaN} can be compared and
 * {@code 0.0} differs from {@code -0.0}. Indexes are checked by the implementation.
 */
public interface DoubleCells extends Cells {

    /**
     * Reads an element.
     *
     * @param i the element index
     * @return its current value
     */
    double get(int i);

    /**
     * Writes an element.
     *
     * @param i the element index
     * @param value the new value
     */
    void set(int i, double value);

    /**
     * Writes an element and returns its previous value.
     *
     * @param i the element index
     * @param value the new value
     * @return the previous value
     */
    double getAndSet(int i, double value);

    /**
     * Adds to an element atomically and returns its previous value.
     *
     * @param i the element index
     * @param delta the amount to add
     * @return the previous value
     */
    double getAndAdd(int i, double delta);

    /**
     * Sets an element to {@code update} if its bits equal those of {@code expected}.
     *
     * @param i the element index
     * @param expected the value the element must hold, compared bitwise
     * @param update the new value
     * @return {@code true} if the element was updated
     */
    boolean compareAndSet(int i, double expected, double update);

    /**
     * Copies elements {@code [from, from + len)} into {@code dst[off, off + len)}.
     *
     * @param from the first element index
     * @param dst the destination
     * @param off the first destination index
     * @param len the number of elements
     */
    void read(int from, double[] dst, int off, int len);

    /**
     * Copies {@code src[off, off + len)} into elements {@code [from, from + len)}.
     *
     * @param from the first element index
     * @param src the source
     * @param off the first source index
     * @param len the number of elements
     */
    void write(int from, double[] src, int off, int len);

    /**
     * Sets elements {@code [from, to)} to {@code value}.
     *
     * @param from the first element index, inclusive
     * @param to the last element index, exclusive
     * @param value the value to store
     */
    void fill(int from, int to, double value);

    /**
     * Applies {@code function} to an element atomically and returns the new value. The
     * function may run more than once under contention, so it must not have side effects.
     *
     * @param i the element index
     * @param function computes the new value from the current one
     * @return the updated value
     */
    default double updateAndGet(int i, DoubleUnaryOperator function) {
        while (true) {
            double prev = get(i);
            double next = function.applyAsDouble(prev);
            if (compareAndSet(i, prev, next)) {
                return next;
            }
        }
    }

    /**
     * Applies {@code function} to an element atomically and returns the old value; see
     * {@link #updateAndGet(int, DoubleUnaryOperator)}.
     *
     * @param i the element index
     * @param function computes the new value from the current one
     * @return the previous value
     */
    default double getAndUpdate(int i, DoubleUnaryOperator function) {
        while (true) {
            double prev = get(i);
            if (compareAndSet(i, prev, function.applyAsDouble(prev))) {
                return prev;
            }
        }
    }
}
