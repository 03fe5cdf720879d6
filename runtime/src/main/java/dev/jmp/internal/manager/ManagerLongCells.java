package dev.jmp.internal.manager;

import dev.jmp.internal.mapped.LongCells;
import java.util.Arrays;

/** {@code long} cells in a manager. */
final class ManagerLongCells extends ManagerCells implements LongCells {

    ManagerLongCells(ManagerCellsRef ref) {
        super(ref);
    }

    @Override
    public long get(int i) {
        return element(ManagerOp.ARRAY_GET, i, 0).v();
    }

    @Override
    public void set(int i, long value) {
        element(ManagerOp.ARRAY_SET, i, value);
    }

    @Override
    public long getAndSet(int i, long value) {
        return element(ManagerOp.ARRAY_GET_AND_SET, i, value).v();
    }

    @Override
    public long getAndAdd(int i, long delta) {
        return element(ManagerOp.ARRAY_GET_AND_ADD, i, delta).v();
    }

    @Override
    public long compareAndExchange(int i, long expected, long update) {
        return cas(i, expected, update).v();
    }

    @Override
    public void read(int from, long[] dst, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, dst.length);
        System.arraycopy((long[]) readRange(from, len), 0, dst, off, len);
    }

    @Override
    public void write(int from, long[] src, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, src.length);
        writeRange(from, Arrays.copyOfRange(src, off, off + len), len);
    }

    @Override
    public void fill(int from, int to, long value) {
        fillRange(from, to, value);
    }
}
