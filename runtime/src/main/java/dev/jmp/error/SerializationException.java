package dev.jmp.error;

/**
 * A value cannot travel between processes: it (or something it references) is not
 * serializable, or its bytes name a class the receiver cannot load. Raised in the caller before
 * anything is dispatched when an argument or a captured variable is at fault, and as the
 * failure of a task whose result is at fault.
 */
public class SerializationException extends JmpException {

    private static final long serialVersionUID = 1L;
    private final String path;
    private final String typeName;

    /**
     * Creates the exception.
     *
     * @param path     where the culprit sits, such as {@code task.arg$1.conn}, or {@code null}
     * @param typeName the culprit's class name, or {@code null}
     * @param message  the full message
     */
    public SerializationException(String path, String typeName, String message) {
        super(message);
        this.path = path;
        this.typeName = typeName;
    }

    /** Creates the exception with a cause. */
    public SerializationException(String path, String typeName, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
        this.typeName = typeName;
    }

    /** Where the culprit sits in the value, such as {@code task.arg$1.conn}, or {@code null}. */
    public String path() {
        return path;
    }

    /** The class name of the value that could not be serialized, or {@code null}. */
    public String typeName() {
        return typeName;
    }

    /** {@link ErrorCode#SERIALIZATION}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.SERIALIZATION;
    }
}
