package dev.jmp.magics.scan;

/**
 * A class file could not be read: it is truncated, malformed, or uses a constant pool tag or
 * an opcode this reader does not know. The message says which and where.
 */
public final class ClassFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong and where (offset, index, tag or opcode)
     */
    public ClassFileException(String message) {
        super(message);
    }
}
