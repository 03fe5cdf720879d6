package dev.jmp.error;

/** Thrown when the other end of a pipe was closed and nothing is left to receive, like Python's EOFError. */
public class PipeClosedException extends JmpException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public PipeClosedException(String message) {
        super(message);
    }

    /** {@link ErrorCode#PIPE_CLOSED}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.PIPE_CLOSED;
    }
}
