package dev.jmp.internal.mapped;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The same-host backend: elements in a memory-mapped file, read and updated in place with
 * atomic {@link java.lang.invoke.VarHandle} access, so an update costs one atomic instruction
 * and no message. The static factories create the owner's backends; {@link MappedRef#open()}
 * attaches other processes to the same file.
 */
public abstract class MappedCells implements Cells {

    final MappedRegion region;
    final ByteBuffer buffer;
    final int length;
    private final boolean owner;
    private volatile boolean detached;

    MappedCells(MappedRegion region, boolean owner) {
        this.region = region;
        this.buffer = region.buffer;
        this.length = region.ref.length();
        this.owner = owner;
    }

    /**
     * Creates zeroed {@code int} cells owned by this process.
     *
     * @param label the public type, used in the object's name (for example {@code SharedInt})
     * @param length the number of elements, at least 1
     * @return the owner's backend
     */
    public static IntCells ints(String label, int length) {
        return new MappedIntCells(MappedRegion.create(MappedHome.get(), ElementKind.INT, length, label), true);
    }

    /**
     * Creates zeroed {@code long} cells owned by this process.
     *
     * @param label the public type, used in the object's name
     * @param length the number of elements, at least 1
     * @return the owner's backend
     */
    public static LongCells longs(String label, int length) {
        return new MappedLongCells(MappedRegion.create(MappedHome.get(), ElementKind.LONG, length, label), true);
    }

    /**
     * Creates zeroed {@code double} cells owned by this process.
     *
     * @param label the public type, used in the object's name
     * @param length the number of elements, at least 1
     * @return the owner's backend
     */
    public static DoubleCells doubles(String label, int length) {
        return new MappedDoubleCells(MappedRegion.create(MappedHome.get(), ElementKind.DOUBLE, length, label), true);
    }

    static MappedCells create(MappedHome home, ElementKind kind, int length, String label) {
        return attach(MappedRegion.create(home, kind, length, label), true);
    }

    static MappedCells attach(MappedRegion region) {
        return attach(region, false);
    }

    private static MappedCells attach(MappedRegion region, boolean owner) {
        switch (region.ref.kind()) {
            case INT:
                return new MappedIntCells(region, owner);
            case LONG:
                return new MappedLongCells(region, owner);
            default:
                return new MappedDoubleCells(region, owner);
        }
    }

    /**
     * Returns the path of the mapped file (for tests and diagnostics).
     *
     * @return the file path
     */
    public final String path() {
        return region.ref.path();
    }

    @Override
    public final ElementKind kind() {
        return region.ref.kind();
    }

    @Override
    public final int length() {
        return length;
    }

    @Override
    public final String name() {
        return region.ref.name();
    }

    @Override
    public final CellsRef ref() {
        check();
        return region.ref;
    }

    @Override
    public final boolean isOwner() {
        return owner;
    }

    @Override
    public final void close() {
        detached = true;
        if (owner) {
            region.destroy();
        }
    }

    /** Fails unless both this backend and the file are open; called before every access. */
    final void check() {
        if (detached) {
            throw new IllegalStateException(owner && !region.isOpen() ? region.closedError().getMessage()
                    : name() + " was closed in this process");
        }
        if (!region.isOpen()) {
            throw region.closedError();
        }
    }

    /** Returns the byte offset of element {@code i}, after checking both it and the state. */
    final int at(int i, int shift) {
        check();
        return MappedRegion.HEADER_BYTES + (Objects.checkIndex(i, length) << shift);
    }

    final int range(int from, int len, int arrayLength, int off, int shift) {
        check();
        Objects.checkFromIndexSize(from, len, length);
        Objects.checkFromIndexSize(off, len, arrayLength);
        return MappedRegion.HEADER_BYTES + (from << shift);
    }

    final int fillRange(int from, int to, int shift) {
        check();
        Objects.checkFromToIndex(from, to, length);
        return MappedRegion.HEADER_BYTES + (from << shift);
    }

    @Override
    public String toString() {
        return name() + (owner ? " (owner)" : "") + " at " + path();
    }
}
