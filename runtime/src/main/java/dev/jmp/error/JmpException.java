package dev.jmp.error;

/**
 * The root of jmp's exceptions: catch it to handle every failure the runtime reports, whether
 * raised here or in another process. Unchecked, like the {@code java.util.concurrent} failures
 * jmp's API mirrors.
 */
public class JmpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     */
    public JmpException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public JmpException(String message, Throwable cause) {
        super(message, cause);
    }
}
