package dev.jmp;

/**
 * A shared object was used after its {@link Manager} shut down (or after the jmp runtime that
 * hosted it stopped). Calls that were waiting on the manager's objects (a lock, an event, a
 * queue) fail with it too, instead of hanging.
 */
public class ManagerClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public ManagerClosedException(String message) {
        super(message);
    }
}
