package dev.jmp.internal.manager;

/**
 * The arguments of every manager operation (JSON on the wire, short names because one goes
 * with every call). User values travel in the call's binary frames, never here.
 *
 * @param m  the manager's id
 * @param o  the shared object's id (for {@code new.condition}: its lock's id)
 * @param t  the calling thread, as {@link #caller()} names it (with the caller's process, the holder
 *           of a lock)
 * @param k  a token naming one acquisition, so an interrupted caller can give back a grant
 *           whose reply it never read; for {@code new.semaphore}: 1 when bounded; for
 *           {@code manager.start}: {@link ManagerService#IMPLICIT} for the runtime's implicit manager
 * @param ms a timeout in milliseconds: -1 waits forever, 0 never waits
 * @param n  a count or index (permits, parties, hold count, list index, delta)
 */
public record ManagerRequest(String m, long o, long t, long k, long ms, long n) {

    /** The {@code ms} of a barrier wait that asks for the barrier's own default timeout. */
    public static final long BARRIER_DEFAULT_TIMEOUT = -2;

    private static final int THREAD_BITS = 40;
    static final long THREAD_MASK = (1L << THREAD_BITS) - 1;
    private static final long PROCESS = ProcessHandle.current().pid() << THREAD_BITS;

    /**
     * The calling thread, unique on this host: its process's pid and its thread id. A grandchild's
     * calls reach the manager through its parent's connection, as the parent's own do, so the
     * thread id alone would not tell their threads apart (one's lock would be the other's).
     */
    public static long caller() {
        return PROCESS | (Thread.currentThread().getId() & THREAD_MASK);
    }

    /** The thread id part of a {@link #caller()} value, for messages. */
    static long threadOf(long caller) {
        return caller < 0 ? caller : caller & THREAD_MASK;
    }

    /** The pid part of a {@link #caller()} value. */
    static long pidOf(long caller) {
        return caller >>> THREAD_BITS;
    }

    /** A request about object {@code o} of manager {@code m} from the calling thread. */
    public static ManagerRequest of(String m, long o) {
        return new ManagerRequest(m, o, caller(), 0, -1, 0);
    }

    /** The same request with another token, timeout and count. */
    public ManagerRequest with(long token, long timeoutMillis, long count) {
        return new ManagerRequest(m, o, t, token, timeoutMillis, count);
    }
}
