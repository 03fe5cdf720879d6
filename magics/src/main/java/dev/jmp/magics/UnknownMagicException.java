package dev.jmp.magics;

/**
 * A cell named a magic that does not exist (or used a cell magic as a line magic, or the other
 * way round). A kernel reports it as its own kind of error, apart from a magic used wrongly.
 */
public class UnknownMagicException extends MagicException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which magic was not found, and what the user may have meant
     */
    public UnknownMagicException(String message) {
        super(message);
    }
}
