package dev.jmp.internal.serial;

import dev.jmp.error.SerializationException;
import dev.jmp.spi.ObjectDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The one way user values become bytes and back. A value's first byte says how it is encoded:
 * {@code byte[]}, strings, boxed primitives and primitive arrays are copied raw (little-endian,
 * with bulk copies), anything else goes through Java serialization. A value that cannot be
 * serialized raises {@link SerializationException} naming the field path of the culprit.
 */
public final class Values {

    static final byte NULL = 0;
    static final byte BYTES = 1;
    static final byte STRING = 2;
    static final byte INT = 3;
    static final byte LONG = 4;
    static final byte DOUBLE = 5;
    static final byte FLOAT = 6;
    static final byte SHORT = 7;
    static final byte BYTE = 8;
    static final byte CHAR = 9;
    static final byte BOOLEAN = 10;
    static final byte INT_ARRAY = 16;
    static final byte LONG_ARRAY = 17;
    static final byte DOUBLE_ARRAY = 18;
    static final byte FLOAT_ARRAY = 19;
    static final byte SHORT_ARRAY = 20;
    static final byte CHAR_ARRAY = 21;
    static final byte BOOLEAN_ARRAY = 22;
    static final byte JAVA = 32;
    static final byte ARGS = 33;

    private Values() {
    }

    /**
     * Encodes a value.
     *
     * @param value    any value; {@code null} is fine
     * @param rootName what to call the value in an error (for example {@code task} or {@code args[1]})
     * @throws SerializationException if the value or something it references cannot be serialized
     */
    public static byte[] encode(Object value, String rootName) {
        if (value == null) {
            return new byte[] {NULL};
        }
        if (value instanceof byte[] b) {
            byte[] out = new byte[1 + b.length];
            out[0] = BYTES;
            System.arraycopy(b, 0, out, 1, b.length);
            return out;
        }
        if (value instanceof String s) {
            byte[] u = s.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[1 + u.length];
            out[0] = STRING;
            System.arraycopy(u, 0, out, 1, u.length);
            return out;
        }
        if (value instanceof Integer i) {
            int v = i;
            return new byte[] {INT, (byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
        }
        if (value instanceof Long l) {
            return longBytes(LONG, l);
        }
        if (value instanceof Double d) {
            return longBytes(DOUBLE, Double.doubleToRawLongBits(d));
        }
        if (value instanceof Boolean b) {
            return new byte[] {BOOLEAN, (byte) (b ? 1 : 0)};
        }
        if (value instanceof Float f) {
            return buffer(FLOAT, 4).putFloat(f).array();
        }
        if (value instanceof Short s) {
            return buffer(SHORT, 2).putShort(s).array();
        }
        if (value instanceof Byte b) {
            return new byte[] {BYTE, b};
        }
        if (value instanceof Character c) {
            return buffer(CHAR, 2).putChar(c).array();
        }
        if (value.getClass().isArray() && value.getClass().getComponentType().isPrimitive()) {
            return encodePrimitiveArray(value);
        }
        return encodeJava(value, rootName);
    }

    /**
     * Encodes an argument list as one value that decodes to {@code Object[]}, each argument
     * through its own fast path.
     *
     * @param rootName what to call the list in errors; argument i is {@code rootName[i]}
     */
    public static byte[] encodeArgs(Object[] args, String rootName) {
        byte[][] parts = new byte[args.length][];
        long size = 1 + 4;
        for (int i = 0; i < args.length; i++) {
            parts[i] = encode(args[i], rootName + "[" + i + "]");
            size += 4 + parts[i].length;
        }
        ByteBuffer out = ByteBuffer.wrap(tagged(ARGS, size - 1)).order(ByteOrder.LITTLE_ENDIAN);
        out.position(1);
        out.putInt(args.length);
        for (byte[] p : parts) {
            out.putInt(p.length).put(p);
        }
        return out.array();
    }

    private static Object[] decodeArgs(Slice s, ClassLoader loader) {
        ByteBuffer in = ByteBuffer.wrap(s.buf(), s.off() + 1, s.len() - 1).order(ByteOrder.LITTLE_ENDIAN);
        if (s.len() < 5) {
            throw new SerializationException(null, null, "an argument list of " + s.len() + " bytes is truncated");
        }
        int n = in.getInt();
        // each argument takes at least 4 bytes: a larger count is refused before it is allocated
        if (n < 0 || n > (s.len() - 5) / 4) {
            throw new SerializationException(null, null, "an argument list of " + s.len() + " bytes declares "
                    + n + " arguments");
        }
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            int len = in.remaining() >= 4 ? in.getInt() : -1;
            if (len < 0 || len > in.remaining()) {
                throw new SerializationException(null, null, "argument " + i + " of an argument list is truncated");
            }
            out[i] = decode(new Slice(s.buf(), in.position(), len), loader);
            in.position(in.position() + len);
        }
        return out;
    }

    private static byte[] longBytes(byte tag, long v) {
        byte[] b = new byte[9];
        b[0] = tag;
        for (int k = 0; k < 8; k++) {
            b[1 + k] = (byte) (v >>> (8 * k));
        }
        return b;
    }

    private static ByteBuffer buffer(byte tag, int size) {
        ByteBuffer b = ByteBuffer.allocate(1 + size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(tag);
        return b;
    }

    private static ByteBuffer body(byte[] out) {
        return ByteBuffer.wrap(out, 1, out.length - 1).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] encodePrimitiveArray(Object value) {
        byte[] out;
        if (value instanceof int[] a) {
            out = tagged(INT_ARRAY, a.length * 4L);
            body(out).asIntBuffer().put(a);
        } else if (value instanceof long[] a) {
            out = tagged(LONG_ARRAY, a.length * 8L);
            body(out).asLongBuffer().put(a);
        } else if (value instanceof double[] a) {
            out = tagged(DOUBLE_ARRAY, a.length * 8L);
            body(out).asDoubleBuffer().put(a);
        } else if (value instanceof float[] a) {
            out = tagged(FLOAT_ARRAY, a.length * 4L);
            body(out).asFloatBuffer().put(a);
        } else if (value instanceof short[] a) {
            out = tagged(SHORT_ARRAY, a.length * 2L);
            body(out).asShortBuffer().put(a);
        } else if (value instanceof char[] a) {
            out = tagged(CHAR_ARRAY, a.length * 2L);
            body(out).asCharBuffer().put(a);
        } else {
            boolean[] a = (boolean[]) value;
            out = tagged(BOOLEAN_ARRAY, a.length);
            for (int i = 0; i < a.length; i++) {
                out[1 + i] = (byte) (a[i] ? 1 : 0);
            }
        }
        return out;
    }

    private static byte[] tagged(byte tag, long size) {
        if (size > Integer.MAX_VALUE - 16) {
            throw new SerializationException(null, null, "an array of " + size + " bytes is too large to send");
        }
        byte[] out = new byte[1 + (int) size];
        out[0] = tag;
        return out;
    }

    private static final class ExposedBytes extends ByteArrayOutputStream {
        ExposedBytes() {
            super(256);
            write(JAVA);
        }

        byte[] bytes() {
            return buf.length == count ? buf : toByteArray();
        }
    }

    private static byte[] encodeJava(Object value, String rootName) {
        ExposedBytes bytes = new ExposedBytes();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw SerializabilityProbe.explain(value, rootName, e);
        } catch (InvalidClassException e) {
            throw new SerializationException(rootName, e.classname, rootName + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(rootName, value.getClass().getName(),
                    rootName + " (" + value.getClass().getName() + ") could not be serialized: " + e);
        }
        return bytes.bytes();
    }

    /** Decodes a whole array. */
    public static Object decode(byte[] bytes, ClassLoader loader) {
        return decode(new Slice(bytes, 0, bytes.length), loader);
    }

    /**
     * Decodes a value, resolving classes through {@code loader}.
     *
     * @throws SerializationException if the bytes are not a value or name a class the loader lacks
     */
    public static Object decode(Slice s, ClassLoader loader) {
        if (s.len() < 1) {
            throw new SerializationException(null, null, "an encoded value is never empty");
        }
        byte tag = s.buf()[s.off()];
        if (tag == INT && s.len() == 5) {
            byte[] a = s.buf();
            int o = s.off() + 1;
            return (a[o] & 0xff) | (a[o + 1] & 0xff) << 8 | (a[o + 2] & 0xff) << 16 | (a[o + 3] & 0xff) << 24;
        }
        ByteBuffer b = ByteBuffer.wrap(s.buf(), s.off() + 1, s.len() - 1).slice().order(ByteOrder.LITTLE_ENDIAN);
        int n = s.len() - 1;
        switch (tag) {
            case NULL:
                return null;
            case BYTES: {
                byte[] out = new byte[n];
                System.arraycopy(s.buf(), s.off() + 1, out, 0, n);
                return out;
            }
            case STRING:
                return new String(s.buf(), s.off() + 1, n, StandardCharsets.UTF_8);
            case INT:
                return b.getInt();
            case LONG:
                return b.getLong();
            case DOUBLE:
                return b.getDouble();
            case FLOAT:
                return b.getFloat();
            case SHORT:
                return b.getShort();
            case BYTE:
                return b.get();
            case CHAR:
                return b.getChar();
            case BOOLEAN:
                return b.get() != 0;
            case INT_ARRAY: {
                int[] a = new int[n / 4];
                b.asIntBuffer().get(a);
                return a;
            }
            case LONG_ARRAY: {
                long[] a = new long[n / 8];
                b.asLongBuffer().get(a);
                return a;
            }
            case DOUBLE_ARRAY: {
                double[] a = new double[n / 8];
                b.asDoubleBuffer().get(a);
                return a;
            }
            case FLOAT_ARRAY: {
                float[] a = new float[n / 4];
                b.asFloatBuffer().get(a);
                return a;
            }
            case SHORT_ARRAY: {
                short[] a = new short[n / 2];
                b.asShortBuffer().get(a);
                return a;
            }
            case CHAR_ARRAY: {
                char[] a = new char[n / 2];
                b.asCharBuffer().get(a);
                return a;
            }
            case BOOLEAN_ARRAY: {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    a[i] = s.buf()[s.off() + 1 + i] != 0;
                }
                return a;
            }
            case JAVA:
                return decodeJava(s, loader);
            case ARGS:
                return decodeArgs(s, loader);
            default:
                throw new SerializationException(null, null, "unknown value tag " + tag);
        }
    }

    private static Object decodeJava(Slice s, ClassLoader loader) {
        try {
            return ObjectDecoder.decode(s.buf(), s.off() + 1, s.len() - 1, loader);
        } catch (ClassNotFoundException e) {
            throw new SerializationException(null, e.getMessage(),
                    "cannot deserialize a value: class " + e.getMessage() + " is not visible to " + loader);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(null, null, "cannot deserialize a value: " + e, e);
        }
    }
}
