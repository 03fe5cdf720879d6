package dev.jmp.internal.serial;

import java.nio.charset.StandardCharsets;

/**
 * Item values written straight into a chunk's buffer and read straight out of it: the common
 * small values (null, boxed primitives, strings, small byte arrays) take a fast path with no
 * array of their own; anything else is encoded by {@link Values} and copied in. The bytes are
 * exactly {@link Values}' encoding, so either side may use either path.
 */
public final class BatchCodec {

    /** A string is encoded in place up to this many chars (its UTF-8 fits 3 bytes per char). */
    private static final int INLINE_STRING = 4096;

    private BatchCodec() {
    }

    /**
     * Appends the encoding of {@code value} to {@code out}.
     *
     * @param name what to call the value in an error, asked for only when one is raised
     * @return the number of bytes written
     * @throws dev.jmp.error.SerializationException if the value cannot be serialized
     */
    public static int encode(ByteGrower out, Object value, java.util.function.Supplier<String> name) {
        int start = out.size;
        if (value == null) {
            out.put(Values.NULL);
        } else if (value instanceof Integer i) {
            out.ensure(5);
            out.buf[out.size] = Values.INT;
            out.putIntAt(out.size + 1, i);
            out.size += 5;
        } else if (value instanceof Long l) {
            out.put(Values.LONG);
            out.putLong(l);
        } else if (value instanceof Double d) {
            out.put(Values.DOUBLE);
            out.putLong(Double.doubleToRawLongBits(d));
        } else if (value instanceof Boolean b) {
            out.ensure(2);
            out.buf[out.size++] = Values.BOOLEAN;
            out.buf[out.size++] = (byte) (b ? 1 : 0);
        } else if (value instanceof String s && s.length() <= INLINE_STRING) {
            encodeString(out, s);
        } else {
            byte[] b = Values.encode(value, name.get());
            out.put(b, 0, b.length);
        }
        return out.size - start;
    }

    private static void encodeString(ByteGrower out, String s) {
        int n = s.length();
        out.ensure(1 + 3L * n);
        byte[] buf = out.buf;
        int p = out.size;
        buf[p++] = Values.STRING;
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c < 0x80) {
                buf[p++] = (byte) c;
            } else {
                // anything beyond ASCII (surrogate pairs included) takes the JDK's encoder
                byte[] u = s.substring(k).getBytes(StandardCharsets.UTF_8);
                out.ensure(p - out.size + u.length);
                buf = out.buf;
                System.arraycopy(u, 0, buf, p, u.length);
                p += u.length;
                break;
            }
        }
        out.size = p;
    }

    /**
     * Decodes one value of {@code len} bytes at {@code off}, resolving classes through
     * {@code loader}.
     *
     * @throws dev.jmp.error.SerializationException if the bytes are not a value
     */
    public static Object decode(byte[] buf, int off, int len, ClassLoader loader) {
        if (len >= 1) {
            byte tag = buf[off];
            if (tag == Values.INT && len == 5) {
                return ByteGrower.getInt(buf, off + 1);
            }
            if (tag == Values.LONG && len == 9) {
                return ByteGrower.getLong(buf, off + 1);
            }
            if (tag == Values.DOUBLE && len == 9) {
                return Double.longBitsToDouble(ByteGrower.getLong(buf, off + 1));
            }
            if (tag == Values.NULL && len == 1) {
                return null;
            }
            if (tag == Values.STRING) {
                return new String(buf, off + 1, len - 1, StandardCharsets.UTF_8);
            }
        }
        return Values.decode(new Slice(buf, off, len), loader);
    }
}
