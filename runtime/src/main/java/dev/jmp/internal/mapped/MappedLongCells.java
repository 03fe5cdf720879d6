package dev.jmp.internal.mapped;

import java.lang.invoke.VarHandle;

/** {@code long} elements in a mapped file; see {@link MappedCells}. */
final class MappedLongCells extends MappedCells implements LongCells {

    private static final VarHandle LONGS = MappedRegion.LONGS;

    MappedLongCells(MappedRegion region, boolean owner) {
        super(region, owner);
    }

    @Override
    public long get(int i) {
        return (long) LONGS.getVolatile(buffer, at(i, 3));
    }

    @Override
    public void set(int i, long value) {
        LONGS.setVolatile(buffer, at(i, 3), value);
    }

    @Override
    public long getAndSet(int i, long value) {
        return (long) LONGS.getAndSet(buffer, at(i, 3), value);
    }

    @Override
    public long getAndAdd(int i, long delta) {
        return (long) LONGS.getAndAdd(buffer, at(i, 3), delta);
    }

    @Override
    public long compareAndExchange(int i, long expected, long update) {
        return (long) LONGS.compareAndExchange(buffer, at(i, 3), expected, update);
    }

    @Override
    public void read(int from, long[] dst, int off, int len) {
        int at = range(from, len, dst.length, off, 3);
        for (int k = 0; k < len; k++, at += 8) {
            dst[off + k] = (long) LONGS.getAcquire(buffer, at);
        }
    }

    @Override
    public void write(int from, long[] src, int off, int len) {
        int at = range(from, len, src.length, off, 3);
        for (int k = 0; k < len; k++, at += 8) {
            LONGS.setRelease(buffer, at, src[off + k]);
        }
        VarHandle.fullFence();
    }

    @Override
    public void fill(int from, int to, long value) {
        int at = fillRange(from, to, 3);
        for (int k = from; k < to; k++, at += 8) {
            LONGS.setRelease(buffer, at, value);
        }
        VarHandle.fullFence();
    }
}
