package dev.jmp.magics;

/**
 * A magic was used wrongly or could not do its job. The kernel shows only the message (no
 * stack trace), so the message must say what was wrong and what is accepted.
 */
public class MagicException extends Exception {

    /**
     * Creates the exception.
     *
     * @param message what went wrong, for the user
     */
    public MagicException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause (kept for logs, not shown to the user).
     *
     * @param message what went wrong, for the user
     * @param cause   the underlying failure
     */
    public MagicException(String message, Throwable cause) {
        super(message, cause);
    }
}
