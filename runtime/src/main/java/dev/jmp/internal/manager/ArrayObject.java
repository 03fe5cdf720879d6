package dev.jmp.internal.manager;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.mapped.ElementKind;
import dev.jmp.internal.serial.Values;
import dev.jmp.internal.service.ServiceCall;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * A primitive array in the manager, for processes that cannot map the same-host file. Elements
 * travel as their 64-bit pattern: an {@code int} sign-extended, a {@code double} as its raw bits.
 * An element operation names the index in {@code n} and its operand in {@code k}; a
 * compare-and-exchange sends its new value as an 8-byte big-endian frame. Ranges travel as one
 * {@code Values}-encoded primitive array. Every operation runs under the object's monitor, so
 * each is atomic, and a range is read or written as a whole.
 */
final class ArrayObject extends Managed {

    private final ElementKind kind;
    private final int[] ints;
    private final long[] longs;

    private ArrayObject(ManagedHost service, String name, ElementKind kind, int length) {
        super(service, name);
        this.kind = kind;
        this.ints = kind == ElementKind.INT ? new int[length] : null;
        this.longs = kind == ElementKind.INT ? null : new long[length];
    }

    static ArrayObject create(ManagedHost service, String name, long kindCode, long length) {
        ElementKind[] kinds = ElementKind.values();
        if (kindCode < 0 || kindCode >= kinds.length) {
            throw fault(ErrorCode.ILLEGAL_ARGUMENT, "no array element kind " + kindCode);
        }
        if (length < 1 || length > Integer.MAX_VALUE - 8) {
            throw fault(ErrorCode.ILLEGAL_ARGUMENT, "an array's length must be 1 to "
                    + (Integer.MAX_VALUE - 8) + ", not " + length);
        }
        return new ArrayObject(service, name, kinds[(int) kindCode], (int) length);
    }

    private int length() {
        return ints != null ? ints.length : longs.length;
    }

    private long load(int i) {
        return ints != null ? ints[i] : longs[i];
    }

    private void store(int i, long v) {
        if (ints != null) {
            ints[i] = (int) v;
        } else {
            longs[i] = v;
        }
    }

    private long add(long a, long delta) {
        return switch (kind) {
            case INT -> (int) (a + delta);
            case LONG -> a + delta;
            case DOUBLE -> Double.doubleToRawLongBits(Double.longBitsToDouble(a) + Double.longBitsToDouble(delta));
        };
    }

    private int index(long i) {
        if (i < 0 || i >= length()) {
            throw fault(ErrorCode.INDEX_OUT_OF_BOUNDS, "index " + i + " out of bounds for length " + length());
        }
        return (int) i;
    }

    private int range(long from, long len) {
        if (from < 0 || len < 0 || from + len > length()) {
            throw fault(ErrorCode.INDEX_OUT_OF_BOUNDS, "range [" + from + ", " + (from + len)
                    + ") out of bounds for length " + length());
        }
        return (int) from;
    }

    @Override
    void handle(ManagerOp op, ServiceCall call, ManagerRequest r) {
        switch (op) {
            case ARRAY_GET -> call.reply(ManagerReply.of(load(index(r.n()))), null);
            case ARRAY_SET -> {
                store(index(r.n()), r.k());
                call.reply(ManagerReply.NONE, null);
            }
            case ARRAY_GET_AND_SET -> {
                int i = index(r.n());
                long prev = load(i);
                store(i, r.k());
                call.reply(ManagerReply.of(prev), null);
            }
            case ARRAY_GET_AND_ADD -> {
                int i = index(r.n());
                long prev = load(i);
                store(i, add(prev, r.k()));
                call.reply(ManagerReply.of(prev), null);
            }
            case ARRAY_CAS -> {
                int i = index(r.n());
                long prev = load(i);
                boolean swap = prev == r.k();
                if (swap) {
                    store(i, ByteBuffer.wrap(call.frames().get(0)).getLong());
                }
                call.reply(new ManagerReply(prev, swap, null), null);
            }
            case ARRAY_READ -> call.reply(ManagerReply.NONE, List.of(read(range(r.n(), r.k()), (int) r.k())));
            case ARRAY_WRITE -> {
                write(r.n(), decode(call, 0));
                call.reply(ManagerReply.NONE, null);
            }
            case ARRAY_FILL -> {
                int from = range(r.n(), r.ms() - r.n());
                for (int i = from; i < r.ms(); i++) {
                    store(i, r.k());
                }
                call.reply(ManagerReply.NONE, null);
            }
            case ARRAY_LENGTH -> call.reply(ManagerReply.of(length()), null);
            default -> throw unknownOp(op, name);
        }
    }

    private byte[] read(int from, int len) {
        Object out = switch (kind) {
            case INT -> Arrays.copyOfRange(ints, from, from + len);
            case LONG -> Arrays.copyOfRange(longs, from, from + len);
            case DOUBLE -> {
                double[] d = new double[len];
                for (int k = 0; k < len; k++) {
                    d[k] = Double.longBitsToDouble(longs[from + k]);
                }
                yield d;
            }
        };
        return Values.encode(out, "an array range");
    }

    private void write(long at, Object values) {
        if (values instanceof int[] v && kind == ElementKind.INT) {
            System.arraycopy(v, 0, ints, range(at, v.length), v.length);
        } else if (values instanceof long[] v && kind == ElementKind.LONG) {
            System.arraycopy(v, 0, longs, range(at, v.length), v.length);
        } else if (values instanceof double[] v && kind == ElementKind.DOUBLE) {
            int from = range(at, v.length);
            for (int k = 0; k < v.length; k++) {
                longs[from + k] = Double.doubleToRawLongBits(v[k]);
            }
        } else {
            throw fault(ErrorCode.ILLEGAL_ARGUMENT, "a " + kind + " array cannot be written with "
                    + (values == null ? "null" : values.getClass().getSimpleName()));
        }
    }
}
