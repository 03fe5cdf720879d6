package dev.jmp.error;

/** A wait with a timeout (a result's {@code get}, a join) ran out of time; unchecked, like Python's TimeoutError. */
public class WaitTimeoutException extends JmpException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public WaitTimeoutException(String message) {
        super(message);
    }

    /** {@link ErrorCode#WAIT_TIMEOUT}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.WAIT_TIMEOUT;
    }
}
