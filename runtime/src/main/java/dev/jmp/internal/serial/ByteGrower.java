package dev.jmp.internal.serial;

import java.util.Arrays;

/**
 * A growable little-endian byte buffer that many items are written into one after the other, so a
 * chunk of items costs one array instead of one per item.
 */
public final class ByteGrower {

    /** The largest buffer a grower makes: a chunk stays far below it (see {@link ItemBuffer}). */
    static final int MAX = Integer.MAX_VALUE - 16;
    byte[] buf;
    int size;

    /** A buffer with room for {@code capacity} bytes before it grows. */
    public ByteGrower(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    /** Makes room for {@code n} more bytes. */
    void ensure(long n) {
        long need = size + n;
        if (need > buf.length) {
            if (need > MAX) {
                throw new dev.jmp.error.SerializationException(null, null,
                        "a list of values of " + need + " bytes is too large to send");
            }
            buf = Arrays.copyOf(buf, (int) Math.min(MAX, Math.max(need, 2L * buf.length)));
        }
    }

    void put(byte b) {
        ensure(1);
        buf[size++] = b;
    }

    void putInt(int v) {
        ensure(4);
        putIntAt(size, v);
        size += 4;
    }

    void putIntAt(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
        buf[at + 2] = (byte) (v >>> 16);
        buf[at + 3] = (byte) (v >>> 24);
    }

    void putLong(long v) {
        ensure(8);
        for (int k = 0; k < 8; k++) {
            buf[size + k] = (byte) (v >>> (8 * k));
        }
        size += 8;
    }

    void put(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    static int getInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    static long getLong(byte[] b, int at) {
        long v = 0;
        for (int k = 7; k >= 0; k--) {
            v = v << 8 | (b[at + k] & 0xff);
        }
        return v;
    }

    /** The bytes written, as an array of exactly that length. */
    public byte[] toArray() {
        return size == buf.length ? buf : Arrays.copyOf(buf, size);
    }
}
