package dev.jmp.internal.manager;

/**
 * An error the manager itself raises (a lock released by a non-holder, a closed manager, a
 * bounded semaphore released too often), as opposed to one thrown by a user function it ran.
 * It crosses the wire as data; the calling proxy rebuilds the named exception type locally,
 * without the manager's stack, while a user function's failure keeps its remote trace.
 */
public final class ManagerFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates a fault that the caller sees as {@code type} with {@code message}. */
    public ManagerFault(Class<? extends RuntimeException> type, String message) {
        super(type.getName() + ": " + message, null, false, false);
    }
}
