package dev.jmp.internal.serial;

import java.util.ArrayList;
import java.util.List;

/**
 * A chunk's items as they travel: a value list's packed frame (header included) and its external
 * frames. Cut from an {@link ItemBuffer}; a part of it is cut again when some of its items must
 * run elsewhere (a worker died, an item is retried).
 */
public final class PackedItems {

    /** No items. */
    public static final PackedItems EMPTY = of(new byte[8], 0, List.of());

    private final byte[] packed;
    private final int count;
    private final List<byte[]> externals;

    private PackedItems(byte[] packed, int count, List<byte[]> externals) {
        this.packed = packed;
        this.count = count;
        this.externals = externals;
    }

    /** Items whose records fill {@code packed} after its first 8 bytes, which this writes. */
    static PackedItems of(byte[] packed, int count, List<byte[]> externals) {
        writeHeader(packed, count, externals.size());
        return new PackedItems(packed, count, List.copyOf(externals));
    }

    /** Items already encoded one by one (tests, single-item tasks). */
    public static PackedItems of(List<byte[]> encoded) {
        ItemBuffer b = new ItemBuffer();
        for (byte[] e : encoded) {
            b.addEncoded(e);
        }
        return encoded.isEmpty() ? EMPTY : b.take(Integer.MAX_VALUE);
    }

    private static void writeHeader(byte[] p, int count, int externals) {
        for (int k = 0; k < 4; k++) {
            p[k] = (byte) (count >>> (8 * k));
            p[4 + k] = (byte) (externals >>> (8 * k));
        }
    }

    /** Number of items. */
    public int count() {
        return count;
    }

    /** Whether there are none. */
    public boolean isEmpty() {
        return count == 0;
    }

    /** The frames to send: the packed frame, then the externals. */
    public List<byte[]> frames() {
        List<byte[]> f = new ArrayList<>(1 + externals.size());
        f.add(packed);
        f.addAll(externals);
        return f;
    }

    /** Items {@code from} to {@code from + n - 1} as a chunk of their own. */
    public PackedItems sub(int from, int n) {
        if (from < 0 || n < 0 || from + n > count) {
            throw new IndexOutOfBoundsException("items " + from + ".." + (from + n) + " of " + count);
        }
        if (from == 0 && n == count) {
            return this;
        }
        int pos = 8;
        int ext = 0;
        for (int i = 0; i < from; i++) {
            int len = ByteGrower.getInt(packed, pos + 1);
            ext += len < 0 ? 1 : 0;
            pos += 5 + Math.max(0, len);
        }
        int start = pos;
        int firstExt = ext;
        for (int i = 0; i < n; i++) {
            int len = ByteGrower.getInt(packed, pos + 1);
            ext += len < 0 ? 1 : 0;
            pos += 5 + Math.max(0, len);
        }
        byte[] p = new byte[8 + pos - start];
        System.arraycopy(packed, start, p, 8, pos - start);
        return of(p, n, externals.subList(firstExt, ext));
    }

    /** The encoded bytes of item {@code i} (for tests and diagnostics). */
    public Slice item(int i) {
        return new ValueList.Reader(frames(), 0).item(i);
    }
}
