package dev.jmp.internal.mapped;

import java.util.function.LongUnaryOperator;

/**
 * A backend of {@code long} elements. Each single-element operation is atomic; range operations
 * are atomic per element, not as a whole. Indexes are checked by the implementation.
 */
public interface LongCells extends Cells {

    /**
     * Reads an element.
     *
     * @param i the element index
     * @return its current value
     */
    long get(int i);

    /**
     * Writes an element.
     *
     * @param i the element index
     * @param value the new value
     */
    void set(int i, long value);

    /**
     * Writes an element and returns its previous value.
     *
     * @param i the element index
     * @param value the new value
     * @return the previous value
     */
    long getAndSet(int i, long value);

    /**
     * Adds to an element and returns its previous value.
     *
     * @param i the element index
     * @param delta the amount to add
     * @return the previous value
     */
    long getAndAdd(int i, long delta);

    /**
     * Sets an element to {@code update} if it equals {@code expected}.
     *
     * @param i the element index
     * @param expected the value the element must hold
     * @param update the new value
     * @return the value the element held (equal to {@code expected} on success)
     */
    long compareAndExchange(int i, long expected, long update);

    /**
     * Copies elements {@code [from, from + len)} into {@code dst[off, off + len)}.
     *
     * @param from the first element index
     * @param dst the destination
     * @param off the first destination index
     * @param len the number of elements
     */
    void read(int from, long[] dst, int off, int len);

    /**
     * Copies {@code src[off, off + len)} into elements {@code [from, from + len)}.
     *
     * @param from the first element index
     * @param src the source
     * @param off the first source index
     * @param len the number of elements
     */
    void write(int from, long[] src, int off, int len);

    /**
     * Sets elements {@code [from, to)} to {@code value}.
     *
     * @param from the first element index, inclusive
     * @param to the last element index, exclusive
     * @param value the value to store
     */
    void fill(int from, int to, long value);

    /**
     * Applies {@code function} to an element atomically and returns the new value. The
     * function may run more than once under contention, so it must not have side effects.
     *
     * @param i the element index
     * @param function computes the new value from the current one
     * @return the updated value
     */
    default long updateAndGet(int i, LongUnaryOperator function) {
        long prev = get(i);
        while (true) {
            long next = function.applyAsLong(prev);
            long witness = compareAndExchange(i, prev, next);
            if (witness == prev) {
                return next;
            }
            prev = witness;
        }
    }

    /**
     * Applies {@code function} to an element atomically and returns the old value; see
     * {@link #updateAndGet(int, LongUnaryOperator)}.
     *
     * @param i the element index
     * @param function computes the new value from the current one
     * @return the previous value
     */
    default long getAndUpdate(int i, LongUnaryOperator function) {
        long prev = get(i);
        while (true) {
            long witness = compareAndExchange(i, prev, function.applyAsLong(prev));
            if (witness == prev) {
                return prev;
            }
            prev = witness;
        }
    }
}
