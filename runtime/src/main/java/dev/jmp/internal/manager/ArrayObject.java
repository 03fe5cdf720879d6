package dev.jmp.internal.manager;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.mapped.ElementKind;
import dev.jmp.internal.serial.Values;
import dev.jmp.internal.service.ServiceCall;
import dev.jmp.internal.mapped.MappedHome;
import dev.jmp.internal.mapped.MappedRef;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * A primitive array in the manager, for processes that cannot map the same-host file: its own
 * elements, or a view of a memory-mapped array of the manager's host ({@link #view}). Elements
 * travel as their 64-bit pattern: an {@code int} sign-extended, a {@code double} as its raw bits.
 * An element operation names the index in {@code n} and its operand in {@code k}; a
 * compare-and-exchange sends its new value as an 8-byte big-endian frame. Ranges travel as one
 * {@code Values}-encoded primitive array. Every operation runs under the object's monitor, so
 * each is atomic, and a range is read or written as a whole.
 */
final class ArrayObject extends Managed {

    private final ElementKind kind;
    private final ArrayElements elements;

    private ArrayObject(ManagedHost service, String name, ArrayElements elements) {
        super(service, name);
        this.kind = elements.kind();
        this.elements = elements;
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
        return new ArrayObject(service, name, ArrayElements.onHeap(kinds[(int) kindCode], (int) length));
    }

    /**
     * The manager's view of a memory-mapped array made on its own host, for processes on other
     * hosts ({@link MappedFallback}). Only a file of this host's shared-memory folder whose header
     * carries the reference's random token is opened: a reference cannot name any other file.
     */
    static ArrayObject view(ManagedHost service, String name, Object reference) {
        if (!(reference instanceof MappedRef ref)) {
            throw fault(ErrorCode.ILLEGAL_ARGUMENT, "new.mappedView takes a mapped array's reference, not "
                    + (reference == null ? "null" : reference.getClass().getName()));
        }
        Path root = MappedHome.get().root().toAbsolutePath().normalize();
        Path file = Path.of(ref.path()).toAbsolutePath().normalize();
        if (!file.startsWith(root) || !ref.host().equals(MappedRef.hostHere())) {
            throw fault(ErrorCode.ILLEGAL_STATE, ref.name() + " lives in shared memory on host '" + ref.host()
                    + "', which neither this process nor its parent runtime can map");
        }
        try {
            return new ArrayObject(service, name, ArrayElements.of(ref.open()));
        } catch (IllegalStateException e) {
            throw fault(ErrorCode.ILLEGAL_STATE, e.getMessage());
        }
    }

    private int length() {
        return elements.length();
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
            case ARRAY_GET -> call.reply(ManagerReply.of(elements.get(index(r.n()))), null);
            case ARRAY_SET -> {
                elements.set(index(r.n()), r.k());
                call.reply(ManagerReply.NONE, null);
            }
            case ARRAY_GET_AND_SET -> call.reply(ManagerReply.of(elements.getAndSet(index(r.n()), r.k())), null);
            case ARRAY_GET_AND_ADD -> call.reply(ManagerReply.of(elements.getAndAdd(index(r.n()), r.k())), null);
            case ARRAY_CAS -> {
                int i = index(r.n());
                long prev = elements.compareAndExchange(i, r.k(), ByteBuffer.wrap(call.frames().get(0)).getLong());
                call.reply(new ManagerReply(prev, prev == r.k(), null), null);
            }
            case ARRAY_READ -> call.reply(ManagerReply.NONE, List.of(Values.encode(
                    elements.read(range(r.n(), r.k()), (int) r.k()), "an array range")));
            case ARRAY_WRITE -> {
                write(r.n(), decode(call, 0));
                call.reply(ManagerReply.NONE, null);
            }
            case ARRAY_FILL -> {
                int from = range(r.n(), r.ms() - r.n());
                for (int i = from; i < r.ms(); i++) {
                    elements.set(i, r.k());
                }
                call.reply(ManagerReply.NONE, null);
            }
            case ARRAY_LENGTH -> call.reply(ManagerReply.of(length()), null);
            default -> throw unknownOp(op, name);
        }
    }

    private void write(long at, Object values) {
        if (values instanceof int[] v && kind == ElementKind.INT) {
            elements.write(range(at, v.length), v);
        } else if (values instanceof long[] v && kind == ElementKind.LONG) {
            elements.write(range(at, v.length), v);
        } else if (values instanceof double[] v && kind == ElementKind.DOUBLE) {
            elements.write(range(at, v.length), v);
        } else {
            throw fault(ErrorCode.ILLEGAL_ARGUMENT, "a " + kind + " array cannot be written with "
                    + (values == null ? "null" : values.getClass().getSimpleName()));
        }
    }
}
