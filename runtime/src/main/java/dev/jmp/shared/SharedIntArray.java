package dev.jmp.shared;

import dev.jmp.internal.mapped.IntCells;
import dev.jmp.internal.mapped.MappedCells;
import java.util.Arrays;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;

/**
 * A fixed-length {@code int} array shared between processes, like Python's
 * {@code Array('i', n)} with the methods of {@link java.util.concurrent.atomic.AtomicIntegerArray}.
 * Every single-element method is atomic and linearizable across all processes that hold the
 * array. Range reads and writes ({@link #get(int, int[])}, {@link #set(int, int[])},
 * {@link #fill}) are atomic per element, not as a whole: a concurrent writer may be seen
 * half-way.
 *
 * <p>Ownership, sharing and lifetime are those of {@link SharedInt}: a serialized copy is a
 * live proxy on the same memory; the owner frees the array on {@link #close()}, when it becomes
 * unreachable in the owner, or at exit, and later use anywhere throws
 * {@link IllegalStateException}. Indexes out of range throw {@link IndexOutOfBoundsException}.
 */
public final class SharedIntArray extends CellsBacked {

    private static final long serialVersionUID = 1L;

    private final transient IntCells cells;

    /**
     * Creates a shared array of zeros, owned by this process.
     *
     * @param length the number of elements, at least 1
     * @throws IllegalArgumentException if {@code length} is below 1 or too large to map
     */
    public SharedIntArray(int length) {
        this(MappedCells.ints("SharedIntArray", length));
    }

    /**
     * Creates a shared array holding a copy of {@code values}, owned by this process.
     *
     * @param values the initial elements, at least one
     */
    public SharedIntArray(int[] values) {
        this(values.length);
        cells.write(0, values, 0, values.length);
    }

    SharedIntArray(IntCells cells) {
        super(cells, SharedForm.Type.INT_ARRAY);
        this.cells = cells;
    }

    /**
     * Returns the number of elements.
     *
     * @return the length
     */
    public int length() {
        return cells.length();
    }

    /**
     * Returns element {@code i}.
     *
     * @param i the index
     * @return its value
     */
    public int get(int i) {
        return cells.get(i);
    }

    /**
     * Sets element {@code i}.
     *
     * @param i the index
     * @param value the new value
     */
    public void set(int i, int value) {
        cells.set(i, value);
    }

    /**
     * Sets element {@code i} and returns its old value.
     *
     * @param i the index
     * @param value the new value
     * @return the previous value
     */
    public int getAndSet(int i, int value) {
        return cells.getAndSet(i, value);
    }

    /**
     * Adds {@code delta} to element {@code i} and returns the new value.
     *
     * @param i the index
     * @param delta the amount to add
     * @return the updated value
     */
    public int addAndGet(int i, int delta) {
        return cells.getAndAdd(i, delta) + delta;
    }

    /**
     * Adds {@code delta} to element {@code i} and returns the old value.
     *
     * @param i the index
     * @param delta the amount to add
     * @return the previous value
     */
    public int getAndAdd(int i, int delta) {
        return cells.getAndAdd(i, delta);
    }

    /**
     * Adds one to element {@code i} and returns the new value.
     *
     * @param i the index
     * @return the updated value
     */
    public int incrementAndGet(int i) {
        return cells.getAndAdd(i, 1) + 1;
    }

    /**
     * Adds one to element {@code i} and returns the old value.
     *
     * @param i the index
     * @return the previous value
     */
    public int getAndIncrement(int i) {
        return cells.getAndAdd(i, 1);
    }

    /**
     * Subtracts one from element {@code i} and returns the new value.
     *
     * @param i the index
     * @return the updated value
     */
    public int decrementAndGet(int i) {
        return cells.getAndAdd(i, -1) - 1;
    }

    /**
     * Subtracts one from element {@code i} and returns the old value.
     *
     * @param i the index
     * @return the previous value
     */
    public int getAndDecrement(int i) {
        return cells.getAndAdd(i, -1);
    }

    /**
     * Sets element {@code i} to {@code update} if it equals {@code expected}.
     *
     * @param i the index
     * @param expected the value it must hold
     * @param update the new value
     * @return {@code true} if the element was updated
     */
    public boolean compareAndSet(int i, int expected, int update) {
        return cells.compareAndExchange(i, expected, update) == expected;
    }

    /**
     * Applies {@code function} to element {@code i} atomically and returns the new value. The
     * function may run more than once under contention, so it must not have side effects.
     *
     * @param i the index
     * @param function computes the new value from the current one
     * @return the updated value
     */
    public int updateAndGet(int i, IntUnaryOperator function) {
        return cells.updateAndGet(i, function);
    }

    /**
     * Applies {@code function} to element {@code i} atomically and returns the old value.
     *
     * @param i the index
     * @param function computes the new value from the current one
     * @return the previous value
     */
    public int getAndUpdate(int i, IntUnaryOperator function) {
        return cells.getAndUpdate(i, function);
    }

    /**
     * Combines element {@code i} with {@code x} atomically and returns the new value.
     *
     * @param i the index
     * @param x the second operand
     * @param function combines the current value (first) with {@code x}
     * @return the updated value
     */
    public int accumulateAndGet(int i, int x, IntBinaryOperator function) {
        return updateAndGet(i, v -> function.applyAsInt(v, x));
    }

    /**
     * Copies elements {@code [from, from + dst.length)} into {@code dst}.
     *
     * @param from the first element to read
     * @param dst where to copy them; its length is the number read
     * @return {@code dst}
     */
    public int[] get(int from, int[] dst) {
        cells.read(from, dst, 0, dst.length);
        return dst;
    }

    /**
     * Returns a copy of elements {@code [from, to)}.
     *
     * @param from the first element, inclusive
     * @param to the last element, exclusive
     * @return a new array of {@code to - from} elements
     */
    public int[] toArray(int from, int to) {
        int[] copy = new int[span(from, to)];
        cells.read(from, copy, 0, copy.length);
        return copy;
    }

    /**
     * Returns a copy of every element.
     *
     * @return a new array of {@link #length()} elements
     */
    public int[] toArray() {
        return toArray(0, length());
    }

    /**
     * Writes {@code src} into elements {@code [from, from + src.length)}.
     *
     * @param from the first element to write
     * @param src the values to write
     */
    public void set(int from, int[] src) {
        cells.write(from, src, 0, src.length);
    }

    /**
     * Writes {@code src[off, off + len)} into elements {@code [from, from + len)}.
     *
     * @param from the first element to write
     * @param src the values
     * @param off the first index in {@code src}
     * @param len the number of elements
     */
    public void set(int from, int[] src, int off, int len) {
        cells.write(from, src, off, len);
    }

    /**
     * Sets every element to {@code value}.
     *
     * @param value the value
     */
    public void fill(int value) {
        cells.fill(0, length(), value);
    }

    /**
     * Sets elements {@code [from, to)} to {@code value}.
     *
     * @param from the first element, inclusive
     * @param to the last element, exclusive
     * @param value the value
     */
    public void fill(int from, int to, int value) {
        cells.fill(from, to, value);
    }

    @Override
    String contents() {
        return listed(Arrays.toString(toArray(0, shown())));
    }
}
