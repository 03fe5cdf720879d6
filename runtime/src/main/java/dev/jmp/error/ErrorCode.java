package dev.jmp.error;

/**
 * What kind of failure an exception is, as a value that crosses processes: the wire's error
 * record carries it, {@link JmpException#code()} and {@link RemoteException#code()} return it.
 * jmp recognises a failure by its code, never by its class name or message text. A code names
 * the exception type it stands for ({@link #type()}) and, for most codes, rebuilds that exception
 * in the receiving process ({@link #exception(String)}).
 */
public enum ErrorCode {
    /** Not a kind jmp tells apart: an exception from user code or the JVM, or a jmp failure no caller needs to recognise. */
    OTHER(null),
    /** An {@link IllegalStateException} jmp raised (a non-reentrant lock taken twice, a bounded semaphore over-released). */
    ILLEGAL_STATE(IllegalStateException.class),
    /** An {@link IllegalArgumentException} jmp raised (a bad count, a condition without a lock). */
    ILLEGAL_ARGUMENT(IllegalArgumentException.class),
    /** An {@link IllegalMonitorStateException}: a lock released by a thread that does not hold it. */
    ILLEGAL_MONITOR_STATE(IllegalMonitorStateException.class),
    /** An {@link UnsupportedOperationException} jmp raised (an operation that does not apply to an object). */
    UNSUPPORTED_OPERATION(UnsupportedOperationException.class),
    /** A {@link NullPointerException} jmp raised (a shared map does not hold null). */
    NULL_POINTER(NullPointerException.class),
    /** An {@link IndexOutOfBoundsException} jmp raised (a shared list or array index). */
    INDEX_OUT_OF_BOUNDS(IndexOutOfBoundsException.class),
    /** {@link QueueFullException}. */
    QUEUE_FULL(QueueFullException.class),
    /** {@link QueueEmptyException}. */
    QUEUE_EMPTY(QueueEmptyException.class),
    /** {@link PipeClosedException}. */
    PIPE_CLOSED(PipeClosedException.class),
    /** {@link ManagerClosedException}. */
    MANAGER_CLOSED(ManagerClosedException.class),
    /** {@link SerializationException} (rebuilt without its path and type name, which stay in the message). */
    SERIALIZATION(SerializationException.class),
    /** {@link WaitTimeoutException}. */
    WAIT_TIMEOUT(WaitTimeoutException.class),
    /** {@link WaitInterruptedException} (not rebuilt: it needs the interrupt it wraps). */
    WAIT_INTERRUPTED(WaitInterruptedException.class),
    /** {@link WorkerDiedException} (not rebuilt: it needs the worker's details). */
    WORKER_DIED(WorkerDiedException.class),
    /** A call to a service the receiving process does not host (shown as an {@link IllegalArgumentException}). */
    NO_SUCH_SERVICE(IllegalArgumentException.class),
    /** An operation name the receiving service does not know (shown as an {@link UnsupportedOperationException}). */
    UNKNOWN_OPERATION(UnsupportedOperationException.class);

    private final Class<? extends RuntimeException> type;

    ErrorCode(Class<? extends RuntimeException> type) {
        this.type = type;
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
        return switch (this) {
            case ILLEGAL_STATE -> new IllegalStateException(message);
            case ILLEGAL_ARGUMENT, NO_SUCH_SERVICE -> new IllegalArgumentException(message);
            case ILLEGAL_MONITOR_STATE -> new IllegalMonitorStateException(message);
            case UNSUPPORTED_OPERATION, UNKNOWN_OPERATION -> new UnsupportedOperationException(message);
            case NULL_POINTER -> new NullPointerException(message);
            case INDEX_OUT_OF_BOUNDS -> new IndexOutOfBoundsException(message);
            case QUEUE_FULL -> new QueueFullException(message);
            case QUEUE_EMPTY -> new QueueEmptyException(message);
            case PIPE_CLOSED -> new PipeClosedException(message);
            case MANAGER_CLOSED -> new ManagerClosedException(message);
            case SERIALIZATION -> new SerializationException(null, null, message);
            case WAIT_TIMEOUT -> new WaitTimeoutException(message);
            case OTHER, WAIT_INTERRUPTED, WORKER_DIED -> null;
        };
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
