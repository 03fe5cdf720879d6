package dev.jmp.internal.mapped;

import java.lang.invoke.VarHandle;

/**
 * {@code double} elements in a mapped file, stored as their raw bits; see {@link MappedCells}.
 * There is no atomic floating-point add instruction, so {@link #getAndAdd} is a
 * compare-and-exchange loop on the bits.
 */
final class MappedDoubleCells extends MappedCells implements DoubleCells {

    private static final VarHandle LONGS = MappedRegion.LONGS;

    MappedDoubleCells(MappedRegion region, boolean owner) {
        super(region, owner);
    }

    @Override
    public double get(int i) {
        return Double.longBitsToDouble((long) LONGS.getVolatile(buffer, at(i, 3)));
    }

    @Override
    public void set(int i, double value) {
        LONGS.setVolatile(buffer, at(i, 3), Double.doubleToRawLongBits(value));
    }

    @Override
    public double getAndSet(int i, double value) {
        return Double.longBitsToDouble((long) LONGS.getAndSet(buffer, at(i, 3), Double.doubleToRawLongBits(value)));
    }

    @Override
    public double getAndAdd(int i, double delta) {
        int at = at(i, 3);
        long prev = (long) LONGS.getVolatile(buffer, at);
        while (true) {
            long next = Double.doubleToRawLongBits(Double.longBitsToDouble(prev) + delta);
            long witness = (long) LONGS.compareAndExchange(buffer, at, prev, next);
            if (witness == prev) {
                return Double.longBitsToDouble(prev);
            }
            prev = witness;
        }
    }

    @Override
    public boolean compareAndSet(int i, double expected, double update) {
        return LONGS.compareAndSet(buffer, at(i, 3),
                Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(update));
    }

    @Override
    public void read(int from, double[] dst, int off, int len) {
        int at = range(from, len, dst.length, off, 3);
        for (int k = 0; k < len; k++, at += 8) {
            dst[off + k] = Double.longBitsToDouble((long) LONGS.getAcquire(buffer, at));
        }
    }

    @Override
    public void write(int from, double[] src, int off, int len) {
        int at = range(from, len, src.length, off, 3);
        for (int k = 0; k < len; k++, at += 8) {
            LONGS.setRelease(buffer, at, Double.doubleToRawLongBits(src[off + k]));
        }
        VarHandle.fullFence();
    }

    @Override
    public void fill(int from, int to, double value) {
        int at = fillRange(from, to, 3);
        long bits = Double.doubleToRawLongBits(value);
        for (int k = from; k < to; k++, at += 8) {
            LONGS.setRelease(buffer, at, bits);
        }
        VarHandle.fullFence();
    }
}
