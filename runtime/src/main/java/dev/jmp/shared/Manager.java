package dev.jmp.shared;

import dev.jmp.JmpRuntime;
import dev.jmp.Worker;
import dev.jmp.error.ManagerClosedException;
import dev.jmp.error.SerializationException;
import dev.jmp.internal.manager.ManagerCalls;
import dev.jmp.internal.manager.ManagerOp;
import dev.jmp.internal.manager.ManagerCellsRef;
import dev.jmp.internal.manager.ManagerReply;
import dev.jmp.internal.manager.ManagerRequest;
import dev.jmp.internal.manager.ManagerService;
import dev.jmp.internal.mapped.DoubleCells;
import dev.jmp.internal.mapped.ElementKind;
import dev.jmp.internal.mapped.IntCells;
import dev.jmp.internal.mapped.LongCells;
import dev.jmp.internal.supervisor.RuntimeAccess;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * Shared state between processes, like Python's {@code multiprocessing.Manager()}: maps, lists,
 * a namespace, values and counters, locks, semaphores, events, conditions, barriers and queues
 * that live in the parent (the kernel, in a notebook) and are used from any process through
 * proxies.
 *
 * <pre>{@code
 * try (Manager m = new Manager()) {
 *     SharedMap<String, Integer> counts = m.dict();
 *     SharedLock lock = m.lock();
 *     Process p = new Process(() -> counts.merge("hits", 1, Integer::sum)).start();
 *     p.join();
 *     counts.get("hits");   // 1
 * }
 * }</pre>
 *
 * <p>A proxy passed to a task or captured by a lambda reaches the worker as a live reference,
 * never a copy. Every operation runs in the manager, one at a time per object, so operations are
 * atomic and linearizable whichever process calls; values handed in or out are copies
 * (changing a map's value after {@code get} does not change the map). Locks, rlocks and
 * semaphores record their holder: when a holder's process dies they are released (within the
 * heartbeat timeout; at once when the worker is seen to exit), waiters on their conditions are
 * woken, and the next acquirer can tell ({@link SharedLock#lastHolderDied()}).
 *
 * <p>A manager lives until {@link #shutdown()} (or the end of its jmp runtime); a proxy used
 * after that fails with {@link ManagerClosedException}. A {@code Manager} is itself
 * serializable, so a task can create shared objects too.
 */
public final class Manager implements AutoCloseable, Serializable {

    private static final long serialVersionUID = 1L;
    private final String id;

    /**
     * Starts a manager: in a worker, in the parent of the worker's runtime; otherwise in the
     * {@linkplain JmpRuntime#defaultRuntime() default runtime} (starting it if needed).
     */
    public Manager() {
        if (Worker.inWorker()) {
            this.id = ManagerCalls.call(ManagerOp.MANAGER_START, new ManagerRequest(null, 0, 0, 0, -1, 0), List.of())
                    .reply().s();
        } else {
            this.id = startIn(JmpRuntime.defaultRuntime());
        }
    }

    /**
     * Starts a manager in {@code runtime}; it shuts down when the runtime closes.
     *
     * @throws IllegalArgumentException if {@code runtime} is null
     * @throws IllegalStateException    if the runtime was closed
     */
    public Manager(JmpRuntime runtime) {
        if (runtime == null) {
            throw new IllegalArgumentException("the runtime must not be null");
        }
        this.id = startIn(runtime);
    }

    /** A handle on a manager that is already running (the runtime's implicit one). */
    Manager(String runningId) {
        this.id = runningId;
    }

    private static String startIn(JmpRuntime runtime) {
        if (runtime.isClosed()) {
            throw new IllegalStateException("the jmp runtime was shut down");
        }
        return ManagerService.in(RuntimeAccess.supervisor(runtime)).start();
    }

    /** The manager's id, unique in its runtime. */
    public String id() {
        return id;
    }

    private ManagerReply create(ManagerOp op, long on, long k, long ms, long n, List<byte[]> frames) {
        return ManagerCalls.call(op, new ManagerRequest(id, on, ManagerRequest.caller(), k, ms, n),
                frames).reply();
    }

    /** A new shared map, like Python's {@code Manager().dict()}. */
    public <K, V> SharedMap<K, V> dict() {
        ManagerReply r = create(ManagerOp.NEW_MAP, 0, 0, -1, 0, List.of());
        return new SharedMap<>(id, r.v(), r.s());
    }

    /** A new shared map; the same as {@link #dict()}. */
    public <K, V> SharedMap<K, V> map() {
        return dict();
    }

    /**
     * A new shared map holding a copy of {@code initial}'s entries (in its iteration order), like
     * Python's {@code Manager().dict({...})}. Null keys and values are kept.
     *
     * @param initial the first entries; each key and value must be serializable
     * @throws IllegalArgumentException if {@code initial} is null
     * @throws SerializationException   naming the type if an entry cannot be serialized
     */
    public <K, V> SharedMap<K, V> dict(java.util.Map<? extends K, ? extends V> initial) {
        if (initial == null) {
            throw new IllegalArgumentException("the initial entries must be a map, not null (dict() makes an empty one)");
        }
        SharedMap<K, V> map = dict();
        if (!initial.isEmpty()) {
            map.putAll(initial);
        }
        return map;
    }

    /**
     * A new shared map holding a copy of {@code initial}'s entries; the same as
     * {@link #dict(java.util.Map)}.
     */
    public <K, V> SharedMap<K, V> map(java.util.Map<? extends K, ? extends V> initial) {
        return dict(initial);
    }

    /** A new shared list, like Python's {@code Manager().list()}. */
    public <E> SharedList<E> list() {
        ManagerReply r = create(ManagerOp.NEW_LIST, 0, 0, -1, 0, List.of());
        return new SharedList<>(id, r.v(), r.s());
    }

    /**
     * A new shared list holding a copy of {@code initial}'s elements (in its iteration order),
     * like Python's {@code Manager().list(range(10))}; {@code null} elements are kept.
     *
     * @param initial the first elements; each must be serializable
     * @throws IllegalArgumentException if {@code initial} is null
     * @throws SerializationException   naming the type if an element cannot be serialized
     */
    public <E> SharedList<E> list(java.util.Collection<? extends E> initial) {
        if (initial == null) {
            throw new IllegalArgumentException("the initial elements must be a collection, not null (list() makes an empty one)");
        }
        SharedList<E> list = list();
        if (!initial.isEmpty()) {
            list.addAll(new java.util.ArrayList<>(initial));
        }
        return list;
    }

    /** A new shared namespace (a bag of named attributes), like Python's {@code Manager().Namespace()}. */
    public SharedNamespace namespace() {
        ManagerReply r = create(ManagerOp.NEW_MAP, 0, 0, -1, 0, List.of());
        return new SharedNamespace(id, r.v(), r.s());
    }

    /**
     * A new shared value, like Python's {@code Manager().Value(typecode, initial)}.
     *
     * @param initial the first value (may be {@code null}); must be serializable
     * @throws SerializationException naming the type if {@code initial} cannot be serialized
     */
    public <T> SharedValue<T> value(T initial) {
        ManagerReply r = create(ManagerOp.NEW_VALUE, 0, 0, -1, 0,
                List.of(ManagerCalls.encode(initial, "the initial value")));
        return new SharedValue<>(id, r.v(), r.s());
    }

    /** A new shared counter (a {@code long}) starting at {@code initial}. */
    public SharedCounter counter(long initial) {
        ManagerReply r = create(ManagerOp.NEW_VALUE, 0, 0, -1, 0,
                List.of(ManagerCalls.encode(initial, "the initial value")));
        return new SharedCounter(id, r.v(), r.s());
    }

    /** A new lock (not reentrant), like Python's {@code Manager().Lock()}. */
    public SharedLock lock() {
        ManagerReply r = create(ManagerOp.NEW_LOCK, 0, 0, -1, 0, List.of());
        return new SharedLock(id, r.v(), r.s());
    }

    /**
     * The reentrant lock named {@code key} in this manager, created by the first call from any
     * process; every later call gets the same lock.
     */
    SharedRLock namedRLock(String key) {
        ManagerReply r = create(ManagerOp.NEW_RLOCK, 0, 0, -1, 0, List.of(ManagerCalls.encode(key, "the lock's name")));
        return new SharedRLock(id, r.v(), r.s());
    }

    /** A new reentrant lock, like Python's {@code Manager().RLock()}. */
    public SharedRLock rlock() {
        ManagerReply r = create(ManagerOp.NEW_RLOCK, 0, 0, -1, 0, List.of());
        return new SharedRLock(id, r.v(), r.s());
    }

    /**
     * A new semaphore with {@code permits} permits.
     *
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public SharedSemaphore semaphore(int permits) {
        ManagerReply r = create(ManagerOp.NEW_SEMAPHORE, 0, 0, -1, permits, List.of());
        return new SharedSemaphore(id, r.v(), r.s());
    }

    /**
     * A new bounded semaphore: releasing it above {@code permits} free permits is an
     * {@link IllegalStateException}.
     *
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public SharedSemaphore boundedSemaphore(int permits) {
        ManagerReply r = create(ManagerOp.NEW_SEMAPHORE, 0, 1, -1, permits, List.of());
        return new SharedSemaphore(id, r.v(), r.s());
    }

    /** A new event (initially clear), like Python's {@code Manager().Event()}. */
    public SharedEvent event() {
        ManagerReply r = create(ManagerOp.NEW_EVENT, 0, 0, -1, 0, List.of());
        return new SharedEvent(id, r.v(), r.s());
    }

    /** A new condition tied to {@code lock}, like Python's {@code Condition(lock)}; the same as {@code lock.newCondition()}. */
    public SharedCondition condition(SharedLock lock) {
        return lock.newCondition();
    }

    /** A new condition with its own new reentrant lock, like Python's {@code Condition()}. */
    public SharedCondition condition() {
        return rlock().newCondition();
    }

    /**
     * A new barrier for {@code parties} processes or threads, without a default timeout.
     *
     * @throws IllegalArgumentException if {@code parties} is below 1
     */
    public SharedBarrier barrier(int parties) {
        ManagerReply r = create(ManagerOp.NEW_BARRIER, 0, 0, -1, parties, List.of());
        return new SharedBarrier(id, r.v(), r.s(), parties);
    }

    /**
     * A new barrier whose waits time out after {@code timeout} unless given their own, like
     * Python's {@code Barrier(parties, timeout=...)}; a timeout breaks the barrier.
     *
     * @throws IllegalArgumentException if {@code parties} is below 1 or the timeout negative
     */
    public SharedBarrier barrier(int parties, Duration timeout) {
        ManagerReply r = create(ManagerOp.NEW_BARRIER, 0, 0, SharedProxy.millis(timeout), parties, List.of());
        return new SharedBarrier(id, r.v(), r.s(), parties);
    }

    /** A new unbounded FIFO queue, like Python's {@code Manager().Queue()}. */
    public <E> SharedQueue<E> queue() {
        return queue(0);
    }

    /**
     * A new FIFO queue holding at most {@code maxsize} items (0: unbounded).
     *
     * @throws IllegalArgumentException if {@code maxsize} is negative
     */
    public <E> SharedQueue<E> queue(int maxsize) {
        ManagerReply r = create(ManagerOp.NEW_QUEUE, 0, 0, -1, maxsize, List.of());
        return new SharedQueue<>(id, r.v(), r.s(), maxsize);
    }

    private ManagerCellsRef array(ElementKind kind, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("a shared array needs at least 1 element, not " + length);
        }
        ManagerReply r = create(ManagerOp.NEW_ARRAY, 0, kind.ordinal(), -1, length, List.of());
        return new ManagerCellsRef(id, r.v(), r.s(), kind, length);
    }

    /**
     * Creates an {@code int} array of zeros held by this manager, like Python's
     * {@code Manager().Array('i', n)}: the same {@link SharedIntArray} API as the memory-mapped
     * {@link Shared#intArray(int)}, for processes that cannot map a file of this host. Every
     * operation is one call to the manager (a round trip from a worker); single-element
     * operations are atomic, and a range is read or written atomically as a whole. The array
     * lives until the manager shuts down; {@link SharedIntArray#close()} only stops that proxy.
     *
     * @param length the number of elements, at least 1
     * @return a proxy that reaches workers as a live reference
     */
    public SharedIntArray intArray(int length) {
        return new SharedIntArray((IntCells) array(ElementKind.INT, length).open());
    }

    /**
     * Creates a {@code int} array held by this manager holding a copy of {@code values}, like
     * Python's {@code Manager().Array('i', (0, 1, 2))}: {@code intArray(0, 1, 2)}. One value
     * alone is a length ({@link #intArray(int)}); pass {@code new int[] {5}} for a one-element array.
     *
     * @param values the initial elements, at least one
     * @return a proxy that reaches workers as a live reference
     * @throws IllegalArgumentException if {@code values} is null or empty
     */
    public SharedIntArray intArray(int... values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("a shared array needs at least 1 initial value, not "
                    + (values == null ? "null" : "none"));
        }
        SharedIntArray a = intArray(values.length);
        a.set(0, values);
        return a;
    }

    /**
     * Creates a {@code long} array of zeros held by this manager; see {@link #intArray(int)}.
     *
     * @param length the number of elements, at least 1
     * @return a proxy that reaches workers as a live reference
     */
    public SharedLongArray longArray(int length) {
        return new SharedLongArray((LongCells) array(ElementKind.LONG, length).open());
    }

    /**
     * Creates a {@code long} array held by this manager holding a copy of {@code values}, like
     * Python's {@code Manager().Array('q', (0, 1, 2))}: {@code longArray(0, 1, 2)}. One value
     * alone is a length ({@link #longArray(int)}); pass {@code new long[] {5}} for a one-element array.
     *
     * @param values the initial elements, at least one
     * @return a proxy that reaches workers as a live reference
     * @throws IllegalArgumentException if {@code values} is null or empty
     */
    public SharedLongArray longArray(long... values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("a shared array needs at least 1 initial value, not "
                    + (values == null ? "null" : "none"));
        }
        SharedLongArray a = longArray(values.length);
        a.set(0, values);
        return a;
    }

    /**
     * Creates a {@code double} array of zeros held by this manager, like Python's
     * {@code Manager().Array('d', n)}; see {@link #intArray(int)}. {@code addAndGet} is atomic.
     *
     * @param length the number of elements, at least 1
     * @return a proxy that reaches workers as a live reference
     */
    public SharedDoubleArray doubleArray(int length) {
        return new SharedDoubleArray((DoubleCells) array(ElementKind.DOUBLE, length).open());
    }

    /**
     * Creates a {@code double} array held by this manager holding a copy of {@code values}, like
     * Python's {@code Manager().Array('d', (0, 1, 2))}: {@code doubleArray(0, 1, 2)}. One value
     * alone is a length ({@link #doubleArray(int)}); pass {@code new double[] {5}} for a one-element array.
     *
     * @param values the initial elements, at least one
     * @return a proxy that reaches workers as a live reference
     * @throws IllegalArgumentException if {@code values} is null or empty
     */
    public SharedDoubleArray doubleArray(double... values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("a shared array needs at least 1 initial value, not "
                    + (values == null ? "null" : "none"));
        }
        SharedDoubleArray a = doubleArray(values.length);
        a.set(0, values);
        return a;
    }

    /**
     * Shuts the manager down: its objects are dropped, calls waiting on them fail with
     * {@link ManagerClosedException}, and so does any later use of its proxies. Idempotent.
     */
    public void shutdown() {
        try {
            ManagerCalls.call(ManagerOp.MANAGER_SHUTDOWN, new ManagerRequest(id, 0, 0, 0, -1, 0), List.of());
        } catch (ManagerClosedException e) {
            // already shut down, or its runtime stopped
        }
    }

    /** The same as {@link #shutdown()}. */
    @Override
    public void close() {
        shutdown();
    }

    @Override
    public String toString() {
        return "<Manager " + id + ">";
    }
}
