package dev.jmp.internal.mapped;

/**
 * The primitive type of the elements behind a shared value or array, with its size in bytes
 * and the {@code array}/{@code Value} type code Python's {@code multiprocessing} uses for it.
 */
public enum ElementKind {
    /** 32-bit {@code int}, Python's {@code 'i'}. */
    INT(Integer.BYTES, 'i'),
    /** 64-bit {@code long}, Python's {@code 'q'}. */
    LONG(Long.BYTES, 'q'),
    /** 64-bit {@code double}, Python's {@code 'd'}. */
    DOUBLE(Double.BYTES, 'd');

    private final int bytes;
    private final char typeCode;

    ElementKind(int bytes, char typeCode) {
        this.bytes = bytes;
        this.typeCode = typeCode;
    }

    /**
     * Returns the size of one element in bytes.
     *
     * @return 4 or 8
     */
    public int bytes() {
        return bytes;
    }

    /**
     * Returns Python's type code for this kind.
     *
     * @return {@code 'i'}, {@code 'q'} or {@code 'd'}
     */
    public char typeCode() {
        return typeCode;
    }
}
