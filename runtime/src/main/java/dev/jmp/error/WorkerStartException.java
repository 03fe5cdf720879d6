package dev.jmp.error;

/**
 * A pool can run no work because its workers cannot start: they keep dying before they connect
 * (a bad JVM option, a class path that does not load, a Java that is not there), or none is left
 * and no replacement can start (a remote host that went away). The message says how the last one
 * ended and what it wrote to stderr; every unfinished item of the pool fails with this exception.
 * It carries no stack trace of the runtime's threads: where it was raised tells a caller nothing,
 * and a call that is refused because of it ({@code map}, {@code submit}) gets one of its own.
 */
public class WorkerStartException extends JmpException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, with the last worker's exit and stderr lines
     */
    public WorkerStartException(String message) {
        this(message, false);
    }

    private WorkerStartException(String message, boolean withStack) {
        super(message, null, false, withStack);
    }

    /**
     * The same failure raised again in the calling thread, with that thread's stack.
     *
     * @return a new exception with this one's message
     */
    public WorkerStartException again() {
        return new WorkerStartException(getMessage(), true);
    }
}
