package dev.jmp.internal.serial;

import java.util.ArrayList;
import java.util.List;

/**
 * A list of encoded items (a chunk's arguments or results) in as few frames as possible: small
 * items are packed into one frame; items above {@link #INLINE_LIMIT} travel as their own frames,
 * right after it, so big values are never copied into the pack.
 *
 * <p>Packed frame: {@code int count, int externals}, then per item {@code byte status, int len}
 * and {@code len} bytes, or {@code len = -1} for the next external frame.
 */
public final class ValueList {

    /** Item holds an encoded value. */
    public static final byte VALUE = 0;
    /** Item holds an error: UTF-8 JSON of an {@code ErrorInfo}. */
    public static final byte ERROR = 1;
    /**
     * Item is a {@code byte[]} value as is, without a tag: a large byte array travels as its own
     * frame and is handed over without a copy on either side.
     */
    public static final byte BYTES = 2;
    /** Items larger than this go in their own frame. */
    public static final int INLINE_LIMIT = 64 * 1024;

    private ValueList() {
    }

    /** Collects items, then builds the frames. */
    public static final class Writer {
        private final List<byte[]> items = new ArrayList<>();
        private byte[] statuses = new byte[16];

        /** Adds an item. */
        public Writer add(byte status, byte[] encoded) {
            if (items.size() == statuses.length) {
                statuses = java.util.Arrays.copyOf(statuses, statuses.length * 2);
            }
            statuses[items.size()] = status;
            items.add(encoded);
            return this;
        }

        /** Number of items added. */
        public int size() {
            return items.size();
        }

        /** Returns the packed frame followed by the external frames. */
        public List<byte[]> frames() {
            int packed = 8;
            int externals = 0;
            for (byte[] b : items) {
                packed += 5;
                if (b.length > INLINE_LIMIT) {
                    externals++;
                } else {
                    packed += b.length;
                }
            }
            byte[] out = new byte[packed];
            putInt(out, 0, items.size());
            putInt(out, 4, externals);
            List<byte[]> frames = new ArrayList<>(1 + externals);
            frames.add(out);
            int pos = 8;
            for (int i = 0; i < items.size(); i++) {
                byte[] b = items.get(i);
                out[pos++] = statuses[i];
                if (b.length > INLINE_LIMIT) {
                    putInt(out, pos, -1);
                    pos += 4;
                    frames.add(b);
                } else {
                    putInt(out, pos, b.length);
                    pos += 4;
                    System.arraycopy(b, 0, out, pos, b.length);
                    pos += b.length;
                }
            }
            return frames;
        }
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    /** Reads a list from the frames a {@link Writer} built. */
    public static final class Reader {
        private final byte[] packed;
        private final int[] offsets;
        private final int[] lengths;
        private final byte[] statuses;
        private final byte[][] external;

        /**
         * Reads a list whose packed frame is {@code frames.get(first)}.
         *
         * @throws IllegalArgumentException if the frames are not a value list
         */
        public Reader(List<byte[]> frames, int first) {
            if (first < 0 || first >= frames.size()) {
                throw new IllegalArgumentException("no value list at frame " + first);
            }
            packed = frames.get(first);
            if (packed.length < 8) {
                throw new IllegalArgumentException("value list at frame " + first + " is truncated");
            }
            int n = getInt(packed, 0);
            int externals = getInt(packed, 4);
            if (n < 0 || externals < 0 || first + externals >= frames.size()) {
                throw new IllegalArgumentException("value list at frame " + first + " is truncated");
            }
            offsets = new int[n];
            lengths = new int[n];
            statuses = new byte[n];
            external = new byte[n][];
            int next = first + 1;
            int pos = 8;
            for (int i = 0; i < n; i++) {
                if (pos + 5 > packed.length) {
                    throw new IllegalArgumentException("value list at frame " + first + " is truncated");
                }
                statuses[i] = packed[pos];
                int len = getInt(packed, pos + 1);
                pos += 5;
                if (len < 0) {
                    external[i] = frames.get(next++);
                    lengths[i] = external[i].length;
                } else {
                    if (pos + len > packed.length) {
                        throw new IllegalArgumentException("value list at frame " + first + " is truncated");
                    }
                    offsets[i] = pos;
                    lengths[i] = len;
                    pos += len;
                }
            }
        }

        /** Number of items. */
        public int size() {
            return statuses.length;
        }

        /** Status of item {@code i}: {@link #VALUE}, {@link #BYTES} or {@link #ERROR}. */
        public byte status(int i) {
            return statuses[i];
        }

        /** Bytes of item {@code i}. */
        public Slice item(int i) {
            return external[i] != null ? Slice.of(external[i]) : new Slice(packed, offsets[i], lengths[i]);
        }
    }
}
