package dev.jmp.internal.serial;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Items waiting to be sent, encoded as they are added (so a value that cannot be serialized fails
 * its caller) into one buffer laid out as a value list's packed frame: a chunk of any size is then
 * cut out with one copy, and no item holds an array of its own. Items above
 * {@link ValueList#INLINE_LIMIT} wait beside the buffer and travel as their own frames. Not
 * thread-safe: its owner locks.
 */
public final class ItemBuffer {

    /** A chunk's packed frame holds at most this many bytes; items beyond wait for the next chunk. */
    public static final int MAX_CHUNK_BYTES = 1 << 20;
    /** Status of an item that failed before it could be sent; never leaves this buffer. */
    private static final byte FAILED = -1;
    private final ByteGrower out = new ByteGrower(1024);
    private final ArrayDeque<byte[]> externals = new ArrayDeque<>();
    private int head;
    private int items;

    /**
     * Encodes and adds item {@code index}.
     *
     * @throws dev.jmp.error.SerializationException naming {@code items[index]} if it cannot be
     *         serialized; nothing is added then
     */
    public void add(Object value, long index) {
        ValueList.appendValue(out, externals, value, () -> "items[" + index + "]");
        items++;
    }

    /** Adds an item already encoded by {@link Values} (an argument list). */
    public void addEncoded(byte[] encoded) {
        out.put(ValueList.VALUE);
        if (encoded.length > ValueList.INLINE_LIMIT) {
            out.putInt(-1);
            externals.add(encoded);
        } else {
            out.putInt(encoded.length);
            out.put(encoded, 0, encoded.length);
        }
        items++;
    }

    /** Adds an item that failed before it could be sent; it stops {@link #take} until dropped. */
    public void addFailed() {
        out.put(FAILED);
        out.putInt(0);
        items++;
    }

    /** Bytes of the items waiting in the buffer (externals not counted). */
    public int bytes() {
        return out.size - head;
    }

    /** Items waiting, failed ones included. */
    public int size() {
        return items;
    }

    /** Whether the next item is a failed one (drop it with {@link #dropFailed}). */
    public boolean failedAtHead() {
        return items > 0 && out.buf[head] == FAILED;
    }

    /** Drops the failed item at the head. */
    public void dropFailed() {
        if (!failedAtHead()) {
            throw new IllegalStateException("the next item did not fail");
        }
        head += 5;
        items--;
        compact();
    }

    /**
     * Takes up to {@code k} items (at least one if any is waiting and not failed), fewer when
     * their packed frame would pass {@link #MAX_CHUNK_BYTES} or a failed item comes first.
     */
    public PackedItems take(int k) {
        int pos = head;
        int n = 0;
        int ext = 0;
        byte[] b = out.buf;
        while (n < k && n < items && b[pos] != FAILED) {
            int len = ByteGrower.getInt(b, pos + 1);
            int rec = 5 + Math.max(0, len);
            if (n > 0 && pos + rec - head > MAX_CHUNK_BYTES - 8) {
                break;
            }
            if (len < 0) {
                ext++;
            }
            pos += rec;
            n++;
        }
        if (n == 0) {
            return PackedItems.EMPTY;
        }
        byte[] packed = new byte[8 + pos - head];
        System.arraycopy(b, head, packed, 8, pos - head);
        List<byte[]> big = new ArrayList<>(ext);
        for (int i = 0; i < ext; i++) {
            big.add(externals.poll());
        }
        PackedItems chunk = PackedItems.of(packed, n, big);
        head = pos;
        items -= n;
        compact();
        return chunk;
    }

    /** Drops everything. */
    public void clear() {
        out.size = 0;
        head = 0;
        items = 0;
        externals.clear();
    }

    /** Reclaims the taken prefix once it is the larger part, so a long lazy feed stays bounded. */
    private void compact() {
        if (items == 0) {
            out.size = 0;
            head = 0;
            if (out.buf.length > MAX_CHUNK_BYTES) {
                out.buf = new byte[1024];
            }
        } else if (head > 4096 && head > out.size - head) {
            System.arraycopy(out.buf, head, out.buf, 0, out.size - head);
            out.size -= head;
            head = 0;
        }
    }
}
