package dev.jmp.internal.serial;

import java.util.Arrays;

/**
 * A range of a byte array, so large values are decoded where they arrived, without a copy.
 *
 * @param buf the array
 * @param off first byte
 * @param len number of bytes
 */
public record Slice(byte[] buf, int off, int len) {

    /** A slice over a whole array. */
    public static Slice of(byte[] b) {
        return new Slice(b, 0, b.length);
    }

    /** Returns the bytes as an array, copying only when the slice is not the whole array. */
    public byte[] toArray() {
        return off == 0 && len == buf.length ? buf : Arrays.copyOfRange(buf, off, off + len);
    }
}
