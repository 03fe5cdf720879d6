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

    /**
     * For failures raised as data (no stack of their own, no suppressed exceptions).
     *
     * @param message            what went wrong
     * @param cause              the underlying failure, or {@code null}
     * @param enableSuppression  whether suppressed exceptions are recorded
     * @param writableStackTrace whether the stack trace is filled in
     */
    protected JmpException(String message, Throwable cause, boolean enableSuppression, boolean writableStackTrace) {
        super(message, cause, enableSuppression, writableStackTrace);
    }

    /**
     * What kind of failure this is; the runtime recognises failures by this code, here and
     * after they crossed processes. {@link ErrorCode#OTHER} unless a subclass says otherwise.
     */
    public ErrorCode code() {
        return ErrorCode.OTHER;
    }
}
