package dev.jmp.internal.manager;

import dev.jmp.internal.mapped.IntCells;
import java.util.Arrays;

/** {@code int} cells in a manager. */
final class ManagerIntCells extends ManagerCells implements IntCells {

    ManagerIntCells(ManagerCellsRef ref) {
        super(ref);
    }

    @Override
    public int get(int i) {
        return (int) element(ManagerOp.ARRAY_GET, i, 0).v();
    }

    @Override
    public void set(int i, int value) {
        element(ManagerOp.ARRAY_SET, i, value);
    }

    @Override
    public int getAndSet(int i, int value) {
        return (int) element(ManagerOp.ARRAY_GET_AND_SET, i, value).v();
    }

    @Override
    public int getAndAdd(int i, int delta) {
        return (int) element(ManagerOp.ARRAY_GET_AND_ADD, i, delta).v();
    }

    @Override
    public int compareAndExchange(int i, int expected, int update) {
        return (int) cas(i, expected, update).v();
    }

    @Override
    public void read(int from, int[] dst, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, dst.length);
        System.arraycopy((int[]) readRange(from, len), 0, dst, off, len);
    }

    @Override
    public void write(int from, int[] src, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, src.length);
        writeRange(from, Arrays.copyOfRange(src, off, off + len), len);
    }

    @Override
    public void fill(int from, int to, int value) {
        fillRange(from, to, value);
    }
}
