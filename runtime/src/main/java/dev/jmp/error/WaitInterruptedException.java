package dev.jmp.error;

/**
 * The thread was interrupted while waiting for a process, a result or a queue. Unchecked so
 * notebook code stays short; the thread's interrupt flag is set again before it is thrown.
 */
public class WaitInterruptedException extends JmpException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception, restoring the interrupt flag of the current thread. */
    public WaitInterruptedException(String what, InterruptedException cause) {
        super("interrupted while waiting for " + what, cause);
        Thread.currentThread().interrupt();
    }

    /** {@link ErrorCode#WAIT_INTERRUPTED}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.WAIT_INTERRUPTED;
    }
}
