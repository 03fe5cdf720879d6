package dev.jmp.shared;

/**
 * Factories for values, arrays and synchronisation objects shared between processes, named after
 * Python's {@code multiprocessing} module, none of which needs a {@link Manager}:
 * {@code Value('i', 0)} is {@code Shared.intValue(0)}, {@code Array('d', 1000)} is
 * {@code Shared.doubleArray(1000)}, {@code Array('i', (0, 1, 2))} is {@code Shared.intArray(0, 1, 2)},
 * {@code Lock()} is {@code Shared.lock()}, {@code Event()} is {@code Shared.event()}, and so on.
 *
 * <p>Values and arrays live in memory mapped by every process that holds them, owned by the
 * calling process (the constructors of the returned types do the same); their
 * {@code getLock()} is Python's {@code get_lock()}. Locks, semaphores, events, conditions,
 * barriers and {@link #value(Object) value} objects live in the runtime's implicit manager, which
 * starts in the parent (the kernel, in a notebook) the first time one is made and lasts as long
 * as the runtime; they are the same objects, with the same semantics (dead holders included),
 * as a {@code Manager}'s. Make them in a plain {@code main}, in a cell or in a worker, and pass
 * them to any process: they travel as live references.
 *
 * <pre>{@code
 * SharedInt count = Shared.intValue(100);
 * SharedDoubleArray sums = Shared.doubleArray(8);
 * SharedLock lock = Shared.lock();
 * new Process(() -> { lock.lock(); try { count.decrementAndGet(); } finally { lock.unlock(); } }).start();
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
     * {@code Array('i', (0, 1, 2))}: {@code Shared.intArray(0, 1, 2)}. One value alone is a
     * length ({@link #intArray(int)}); pass {@code new int[] {5}} for a one-element array.
     *
     * @param values the initial elements, at least one
     * @return a new shared array owned by this process
     */
    public static SharedIntArray intArray(int... values) {
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
    public static SharedLongArray longArray(long... values) {
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
    public static SharedDoubleArray doubleArray(double... values) {
        return new SharedDoubleArray(values);
    }

    // ---- synchronisation, in the runtime's implicit manager --------------------------------

    /**
     * Creates a lock (not reentrant), like Python's {@code multiprocessing.Lock()}.
     *
     * @return a new lock in the runtime's implicit manager
     */
    public static SharedLock lock() {
        return ImplicitManager.get().lock();
    }

    /**
     * Creates a reentrant lock, like Python's {@code multiprocessing.RLock()}.
     *
     * @return a new lock in the runtime's implicit manager
     */
    public static SharedRLock rlock() {
        return ImplicitManager.get().rlock();
    }

    /**
     * Creates a semaphore, like Python's {@code multiprocessing.Semaphore(permits)}.
     *
     * @param permits the initial permits, at least 0
     * @return a new semaphore in the runtime's implicit manager
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public static SharedSemaphore semaphore(int permits) {
        return ImplicitManager.get().semaphore(permits);
    }

    /**
     * Creates a bounded semaphore, like Python's {@code multiprocessing.BoundedSemaphore(permits)}:
     * releasing it above {@code permits} free permits is an {@link IllegalStateException}.
     *
     * @param permits the initial and greatest number of permits, at least 0
     * @return a new semaphore in the runtime's implicit manager
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public static SharedSemaphore boundedSemaphore(int permits) {
        return ImplicitManager.get().boundedSemaphore(permits);
    }

    /**
     * Creates an event (initially clear), like Python's {@code multiprocessing.Event()}.
     *
     * @return a new event in the runtime's implicit manager
     */
    public static SharedEvent event() {
        return ImplicitManager.get().event();
    }

    /**
     * Creates a condition with its own new reentrant lock, like Python's
     * {@code multiprocessing.Condition()}.
     *
     * @return a new condition in the runtime's implicit manager
     */
    public static SharedCondition condition() {
        return ImplicitManager.get().condition();
    }

    /**
     * Creates a condition tied to {@code lock}, like Python's {@code Condition(lock)}; the same as
     * {@code lock.newCondition()}.
     *
     * @param lock a shared lock (of any manager)
     * @return a new condition in the lock's manager
     */
    public static SharedCondition condition(SharedLock lock) {
        if (lock == null) {
            throw new IllegalArgumentException("a condition needs a shared lock, not null (condition() makes its own)");
        }
        return lock.newCondition();
    }

    /**
     * Creates a barrier for {@code parties} processes or threads, like Python's
     * {@code multiprocessing.Barrier(parties)}.
     *
     * @param parties how many must wait before all go on, at least 1
     * @return a new barrier in the runtime's implicit manager
     * @throws IllegalArgumentException if {@code parties} is below 1
     */
    public static SharedBarrier barrier(int parties) {
        return ImplicitManager.get().barrier(parties);
    }

    /**
     * Creates a barrier whose waits time out after {@code timeout} unless given their own, like
     * {@code Barrier(parties, timeout=...)}; a timeout breaks the barrier.
     *
     * @param parties how many must wait before all go on, at least 1
     * @param timeout the default wait
     * @return a new barrier in the runtime's implicit manager
     * @throws IllegalArgumentException if {@code parties} is below 1 or the timeout negative
     */
    public static SharedBarrier barrier(int parties, java.time.Duration timeout) {
        return ImplicitManager.get().barrier(parties, timeout);
    }

    /**
     * Creates a shared value of any serializable type, like a managed {@code Value}: its
     * operations ({@code set}, {@code compareAndSet}, {@code updateAndGet} ...) are atomic in
     * the implicit manager. For numbers, {@link #intValue}, {@link #longValue} and
     * {@link #doubleValue} are faster (mapped memory, no round trip).
     *
     * @param initial the first value (may be {@code null}); must be serializable
     * @return a new value in the runtime's implicit manager
     */
    public static <T> SharedValue<T> value(T initial) {
        return ImplicitManager.get().value(initial);
    }
}
