package dev.jmp.magics.scan;

/**
 * A class file could not be read: it is not a class file, is truncated or malformed, or is of
 * a version the class-file library does not know. The message says which.
 */
public final class ClassFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong
     */
    public ClassFileException(String message) {
        super(message);
    }
}
