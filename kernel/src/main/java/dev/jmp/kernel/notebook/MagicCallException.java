package dev.jmp.kernel.notebook;

/**
 * A magic called from Java code ({@link NotebookMagics#lineMagic}) failed: its message is the
 * one the magic shows in a cell (an unknown name, bad arguments, a failed run).
 */
public final class MagicCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, as the magic says it
     * @param cause   the magic's own exception, or null
     */
    public MagicCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
