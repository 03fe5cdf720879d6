package dev.jmp.error;

/** Thrown when get on an empty queue timed out (or would block, for a non-blocking get), like Python's queue.Empty. */
public class QueueEmptyException extends JmpException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public QueueEmptyException(String message) {
        super(message);
    }

    /** {@link ErrorCode#QUEUE_EMPTY}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.QUEUE_EMPTY;
    }
}
