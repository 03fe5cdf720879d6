package dev.jmp.internal.manager;

import dev.jmp.internal.mapped.DoubleCells;
import java.util.Arrays;

/** {@code double} cells in a manager; elements travel as their raw bits. */
final class ManagerDoubleCells extends ManagerCells implements DoubleCells {

    ManagerDoubleCells(ManagerCellsRef ref) {
        super(ref);
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    private static double value(ManagerReply r) {
        return Double.longBitsToDouble(r.v());
    }

    @Override
    public double get(int i) {
        return value(element(ManagerOp.ARRAY_GET, i, 0));
    }

    @Override
    public void set(int i, double value) {
        element(ManagerOp.ARRAY_SET, i, bits(value));
    }

    @Override
    public double getAndSet(int i, double value) {
        return value(element(ManagerOp.ARRAY_GET_AND_SET, i, bits(value)));
    }

    @Override
    public double getAndAdd(int i, double delta) {
        return value(element(ManagerOp.ARRAY_GET_AND_ADD, i, bits(delta)));
    }

    @Override
    public boolean compareAndSet(int i, double expected, double update) {
        return cas(i, bits(expected), bits(update)).b();
    }

    @Override
    public void read(int from, double[] dst, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, dst.length);
        System.arraycopy((double[]) readRange(from, len), 0, dst, off, len);
    }

    @Override
    public void write(int from, double[] src, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, src.length);
        writeRange(from, Arrays.copyOfRange(src, off, off + len), len);
    }

    @Override
    public void fill(int from, int to, double value) {
        fillRange(from, to, bits(value));
    }
}
