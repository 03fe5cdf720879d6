package dev.jmp.error;

/**
 * A shared object was used after its {@code dev.jmp.shared.Manager} shut down (or after the jmp runtime that
 * hosted it stopped). Calls that were waiting on the manager's objects (a lock, an event, a
 * queue) fail with it too, instead of hanging.
 *
 * <p>The one jmp exception outside {@link JmpException}: it has always been an
 * {@link IllegalStateException} (code catches it as one, and a closed shared value prints
 * {@code (closed)} by catching that type), and Java allows one superclass.
 */
public class ManagerClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public ManagerClosedException(String message) {
        super(message);
    }
}
