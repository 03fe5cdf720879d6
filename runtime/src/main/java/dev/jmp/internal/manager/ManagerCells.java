package dev.jmp.internal.manager;

import dev.jmp.internal.mapped.Cells;
import dev.jmp.internal.mapped.CellsRef;
import dev.jmp.internal.mapped.ElementKind;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * Cells that live in a manager ({@link ArrayObject}): each operation is one manager call, from
 * the parent directly, from a worker over the wire. Indexes are checked here first, so a bad one
 * costs no round trip. The manager owns the elements: {@link #close()} only stops this proxy, and
 * the elements go when the manager shuts down.
 */
abstract class ManagerCells implements Cells {

    private final ManagerCellsRef ref;
    private volatile boolean closed;

    ManagerCells(ManagerCellsRef ref) {
        this.ref = ref;
    }

    @Override
    public final ElementKind kind() {
        return ref.kind();
    }

    @Override
    public final int length() {
        return ref.length();
    }

    @Override
    public final String name() {
        return ref.name();
    }

    @Override
    public final CellsRef ref() {
        return ref;
    }

    @Override
    public final boolean isOwner() {
        return false;
    }

    @Override
    public final void close() {
        closed = true;
    }

    private ManagerRequest request(long index, long operand, long extra) {
        if (closed) {
            throw new IllegalStateException(ref.name() + " was closed in this process");
        }
        return new ManagerRequest(ref.manager(), ref.id(), 0, operand, extra, index);
    }

    /** Runs an element operation and returns the reply. */
    final ManagerReply element(ManagerOp op, int i, long operand) {
        Objects.checkIndex(i, ref.length());
        return ManagerCalls.call(op, request(i, operand, -1), List.of()).reply();
    }

    /** Compare-and-exchange on the 64-bit patterns; the reply's {@code v} is the witness. */
    final ManagerReply cas(int i, long expected, long update) {
        Objects.checkIndex(i, ref.length());
        byte[] u = ByteBuffer.allocate(Long.BYTES).putLong(update).array();
        return ManagerCalls.call(ManagerOp.ARRAY_CAS, request(i, expected, -1), List.of(u)).reply();
    }

    /** Reads {@code len} elements from {@code from}: an {@code int[]}, {@code long[]} or {@code double[]}. */
    final Object readRange(int from, int len) {
        Objects.checkFromIndexSize(from, len, ref.length());
        return ManagerCalls.call(ManagerOp.ARRAY_READ, request(from, len, -1), List.of()).value(0);
    }

    /** Writes a primitive array at {@code from}. */
    final void writeRange(int from, Object values, int len) {
        Objects.checkFromIndexSize(from, len, ref.length());
        ManagerCalls.call(ManagerOp.ARRAY_WRITE, request(from, 0, -1),
                List.of(ManagerCalls.encode(values, "an array range")));
    }

    /** Sets {@code [from, to)} to a 64-bit pattern. */
    final void fillRange(int from, int to, long pattern) {
        Objects.checkFromToIndex(from, to, ref.length());
        ManagerCalls.call(ManagerOp.ARRAY_FILL, request(from, pattern, to), List.of());
    }

    @Override
    public String toString() {
        return ref.name();
    }
}
