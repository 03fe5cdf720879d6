package dev.jmp.error;

import java.util.function.Function;

/**
 * What kind of failure an exception is, as a value that crosses processes: the wire's error
 * record carries it, {@link JmpException#code()} and {@link RemoteException#code()} return it.
 * jmp recognises a failure by its code, never by its class name or message text. A code names
 * the exception type it stands for ({@link #type()}) and, for most codes, rebuilds that exception
 * in the receiving process ({@link #exception(String)}).
 */
public enum ErrorCode {
    /** Not a kind jmp tells apart: an exception from user code or the JVM, or a jmp failure no caller needs to recognise. */
    OTHER(null, null),
    /** An {@link IllegalStateException} jmp raised (a non-reentrant lock taken twice, a bounded semaphore over-released). */
    ILLEGAL_STATE(IllegalStateException.class, IllegalStateException::new),
    /** An {@link IllegalArgumentException} jmp raised (a bad count, a condition without a lock). */
    ILLEGAL_ARGUMENT(IllegalArgumentException.class, IllegalArgumentException::new),
    /** An {@link IllegalMonitorStateException}: a lock released by a thread that does not hold it. */
    ILLEGAL_MONITOR_STATE(IllegalMonitorStateException.class, IllegalMonitorStateException::new),
    /** An {@link UnsupportedOperationException} jmp raised (an operation that does not apply to an object). */
    UNSUPPORTED_OPERATION(UnsupportedOperationException.class, UnsupportedOperationException::new),
    /** A {@link NullPointerException} jmp raised (a shared map does not hold null). */
    NULL_POINTER(NullPointerException.class, NullPointerException::new),
    /** An {@link IndexOutOfBoundsException} jmp raised (a shared list or array index). */
    INDEX_OUT_OF_BOUNDS(IndexOutOfBoundsException.class, IndexOutOfBoundsException::new),
    /** {@link QueueFullException}. */
    QUEUE_FULL(QueueFullException.class, QueueFullException::new),
    /** {@link QueueEmptyException}. */
    QUEUE_EMPTY(QueueEmptyException.class, QueueEmptyException::new),
    /** {@link PipeClosedException}. */
    PIPE_CLOSED(PipeClosedException.class, PipeClosedException::new),
    /** {@link ManagerClosedException}. */
    MANAGER_CLOSED(ManagerClosedException.class, ManagerClosedException::new),
    /** {@link SerializationException} (rebuilt without its path and type name, which stay in the message). */
    SERIALIZATION(SerializationException.class, m -> new SerializationException(null, null, m)),
    /** {@link WaitTimeoutException}. */
    WAIT_TIMEOUT(WaitTimeoutException.class, WaitTimeoutException::new),
    /** {@link WaitInterruptedException} (not rebuilt: it needs the interrupt it wraps). */
    WAIT_INTERRUPTED(WaitInterruptedException.class, null),
    /** {@link WorkerDiedException} (not rebuilt: it needs the worker's details). */
    WORKER_DIED(WorkerDiedException.class, null),
    /** A call to a service the receiving process does not host (shown as an {@link IllegalArgumentException}). */
    NO_SUCH_SERVICE(IllegalArgumentException.class, IllegalArgumentException::new),
    /** An operation name the receiving service does not know (shown as an {@link UnsupportedOperationException}). */
    UNKNOWN_OPERATION(UnsupportedOperationException.class, UnsupportedOperationException::new);

    private final Class<? extends RuntimeException> type;
    private final Function<String, RuntimeException> make;

    ErrorCode(Class<? extends RuntimeException> type, Function<String, RuntimeException> make) {
        this.type = type;
        this.make = make;
    }

    /** The exception type this code stands for, or {@code null} for {@link #OTHER}. */
    public Class<? extends RuntimeException> type() {
        return type;
    }

    /**
     * Rebuilds the exception this code stands for, without a stack of its own.
     *
     * @param message the message it carried
     * @return the exception, or {@code null} for {@link #OTHER}, {@link #WAIT_INTERRUPTED} and
     *         {@link #WORKER_DIED}, which cannot be rebuilt from a message
     */
    public RuntimeException exception(String message) {
        return make == null ? null : make.apply(message);
    }

    /**
     * The code of a throwable: its own for jmp's exceptions, {@link #OTHER} for anything else.
     *
     * @param t any throwable, or {@code null}
     * @return its code, never {@code null}
     */
    public static ErrorCode of(Throwable t) {
        if (t instanceof JmpException j) {
            return j.code();
        }
        return t instanceof ManagerClosedException ? MANAGER_CLOSED : OTHER;
    }
}
