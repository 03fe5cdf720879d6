package dev.jmp.internal.mapped;

import java.util.function.IntUnaryOperator;

/**
 * A backend of {@code int} elements. Each single-element operation is atomic; range operations
 * are atomic per element, not as a whole. Indexes are checked by the implementation.
 */
public interface IntCells extends Cells {

    /**
     * Reads an element.
     *
     * @param i the element index
     * @return its current value
     */
    int get(int i);

    /**
     * Writes an element.
     *
     * @param i the element index
     * @param value the new value
     */
    void set(int i, int value);

    /**
     * Writes an element and returns its previous value.
     *
     * @param i the element index
     * @param value the new value
     * @return the previous value
     */
    int getAndSet(int i, int value);

    /**
     * Adds to an element and returns its previous value.
     *
     * @param i the element index
     * @param delta the amount to add
     * @return the previous value
     */
    int getAndAdd(int i, int delta);

    /**
     * Sets an element to {@code update} if it equals {@code expected}.
     *
     * @param i the element index
     * @param expected the value the element must hold
     * @param update the new value
     * @return the value the element held (equal to {@code expected} on success)
     */
    int compareAndExchange(int i, int expected, int update);

    /**
     * Copies elements {@code [from, from + len)} into {@code dst[off, off + len)}.
     *
     * @param from the first element index
     * @param dst the destination
     * @param off the first destination index
     * @param len the number of elements
     */
    void read(int from, int[] dst, int off, int len);

    /**
     * Copies {@code src[off, off + len)} into elements {@code [from, from + len)}.
     *
     * @param from the first element index
     * @param src the source
     * @param off the first source index
     * @param len the number of elements
     */
    void write(int from, int[] src, int off, int len);

    /**
     * Sets elements {@code [from, to)} to {@code value}.
     *
     * @param from the first element index, inclusive
     * @param to the last element index, exclusive
     * @param value the value to store
     */
    void fill(int from, int to, int value);

    /**
     * Applies {@code function} to an element atomically and returns the new value. The
     * function may run more than once under contention, so it must not have side effects.
     *
     * @param i the element index
     * @param function computes the new value from the current one
     * @return the updated value
     */
    default int updateAndGet(int i, IntUnaryOperator function) {
        int prev = get(i);
        while (true) {
            int next = function.applyAsInt(prev);
            int witness = compareAndExchange(i, prev, next);
            if (witness == prev) {
                return next;
            }
            prev = witness;
        }
    }

    /**
     * Applies {@code function} to an element atomically and returns the old value; see
     * {@link #updateAndGet(int, IntUnaryOperator)}.
     *
     * @param i the element index
     * @param function computes the new value from the current one
     * @return the previous value
     */
    default int getAndUpdate(int i, IntUnaryOperator function) {
        int prev = get(i);
        while (true) {
            int witness = compareAndExchange(i, prev, function.applyAsInt(prev));
            if (witness == prev) {
                return prev;
            }
            prev = witness;
        }
    }
}
