package dev.jmp.internal.mapped;

import java.lang.invoke.VarHandle;

/** {@code int} elements in a mapped file; see {@link MappedCells}. */
final class MappedIntCells extends MappedCells implements IntCells {

    private static final VarHandle INTS = MappedRegion.INTS;

    MappedIntCells(MappedRegion region, boolean owner) {
        super(region, owner);
    }

    @Override
    public int get(int i) {
        return (int) INTS.getVolatile(buffer, at(i, 2));
    }

    @Override
    public void set(int i, int value) {
        INTS.setVolatile(buffer, at(i, 2), value);
    }

    @Override
    public int getAndSet(int i, int value) {
        return (int) INTS.getAndSet(buffer, at(i, 2), value);
    }

    @Override
    public int getAndAdd(int i, int delta) {
        return (int) INTS.getAndAdd(buffer, at(i, 2), delta);
    }

    @Override
    public int compareAndExchange(int i, int expected, int update) {
        return (int) INTS.compareAndExchange(buffer, at(i, 2), expected, update);
    }

    @Override
    public void read(int from, int[] dst, int off, int len) {
        int at = range(from, len, dst.length, off, 2);
        for (int k = 0; k < len; k++, at += 4) {
            dst[off + k] = (int) INTS.getAcquire(buffer, at);
        }
    }

    @Override
    public void write(int from, int[] src, int off, int len) {
        int at = range(from, len, src.length, off, 2);
        for (int k = 0; k < len; k++, at += 4) {
            INTS.setRelease(buffer, at, src[off + k]);
        }
        VarHandle.fullFence();
    }

    @Override
    public void fill(int from, int to, int value) {
        int at = fillRange(from, to, 2);
        for (int k = from; k < to; k++, at += 4) {
            INTS.setRelease(buffer, at, value);
        }
        VarHandle.fullFence();
    }
}
