package dev.jmp.shared;

/**
 * Factories for values and arrays shared between processes, named after Python's
 * {@code multiprocessing.Value} and {@code Array}: {@code Value('i', 0)} is
 * {@code Shared.intValue(0)}, {@code Array('d', 1000)} is {@code Shared.doubleArray(1000)}.
 * Each returns a new object owned by the calling process; the constructors of the returned
 * types do the same.
 *
 * <pre>{@code
 * SharedInt count = Shared.intValue(100);
 * SharedDoubleArray sums = Shared.doubleArray(8);
 * }</pre>
 */
public final class Shared {

    private Shared() {
    }

    /**
     * Creates a shared {@code int}, like {@code Value('i', initial)}.
     *
     * @param initial the initial value
     * @return a new shared value owned by this process
     */
    public static SharedInt intValue(int initial) {
        return new SharedInt(initial);
    }

    /**
     * Creates a shared {@code long}, like {@code Value('q', initial)}.
     *
     * @param initial the initial value
     * @return a new shared value owned by this process
     */
    public static SharedLong longValue(long initial) {
        return new SharedLong(initial);
    }

    /**
     * Creates a shared {@code double}, like {@code Value('d', initial)}.
     *
     * @param initial the initial value
     * @return a new shared value owned by this process
     */
    public static SharedDouble doubleValue(double initial) {
        return new SharedDouble(initial);
    }

    /**
     * Creates a shared {@code int} array of zeros, like {@code Array('i', length)}.
     *
     * @param length the number of elements, at least 1
     * @return a new shared array owned by this process
     */
    public static SharedIntArray intArray(int length) {
        return new SharedIntArray(length);
    }

    /**
     * Creates a shared {@code int} array holding a copy of {@code values}, like
     * {@code Array('i', [...])}.
     *
     * @param values the initial elements, at least one
     * @return a new shared array owned by this process
     */
    public static SharedIntArray intArray(int[] values) {
        return new SharedIntArray(values);
    }

    /**
     * Creates a shared {@code long} array of zeros, like {@code Array('q', length)}.
     *
     * @param length the number of elements, at least 1
     * @return a new shared array owned by this process
     */
    public static SharedLongArray longArray(int length) {
        return new SharedLongArray(length);
    }

    /**
     * Creates a shared {@code long} array holding a copy of {@code values}.
     *
     * @param values the initial elements, at least one
     * @return a new shared array owned by this process
     */
    public static SharedLongArray longArray(long[] values) {
        return new SharedLongArray(values);
    }

    /**
     * Creates a shared {@code double} array of zeros, like {@code Array('d', length)}.
     *
     * @param length the number of elements, at least 1
     * @return a new shared array owned by this process
     */
    public static SharedDoubleArray doubleArray(int length) {
        return new SharedDoubleArray(length);
    }

    /**
     * Creates a shared {@code double} array holding a copy of {@code values}.
     *
     * @param values the initial elements, at least one
     * @return a new shared array owned by this process
     */
    public static SharedDoubleArray doubleArray(double[] values) {
        return new SharedDoubleArray(values);
    }
}
