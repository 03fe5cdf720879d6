package dev.jmp.error;

/** Thrown when put on a full queue timed out (or would block, for a non-blocking put), like Python's queue.Full. */
public class QueueFullException extends JmpException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public QueueFullException(String message) {
        super(message);
    }

    /** {@link ErrorCode#QUEUE_FULL}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.QUEUE_FULL;
    }
}
