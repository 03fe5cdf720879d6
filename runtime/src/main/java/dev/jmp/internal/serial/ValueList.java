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

    /**
     * Collects items into one growing buffer (no array per item), then builds the frames: the
     * buffer is the packed frame, its 8-byte header written last.
     */
    public static final class Writer {
        private final ByteGrower out = new ByteGrower(256);
        private final List<byte[]> externals = new ArrayList<>();
        private int count;

        /** A writer; its buffer starts with room for the header. */
        public Writer() {
            out.size = 8;
        }

        /** Adds an item already encoded (a value, an error, or raw bytes for {@link #BYTES}). */
        public Writer add(byte status, byte[] encoded) {
            out.put(status);
            if (encoded.length > INLINE_LIMIT) {
                out.putInt(-1);
                externals.add(encoded);
            } else {
                out.putInt(encoded.length);
                out.put(encoded, 0, encoded.length);
            }
            count++;
            return this;
        }

        /**
         * Encodes a value straight into the list ({@link BatchCodec}'s fast paths); one whose
         * encoding turns out larger than {@link #INLINE_LIMIT} travels as its own frame.
         *
         * @param name what to call the value in an error, asked for only then
         * @throws dev.jmp.error.SerializationException if the value cannot be serialized; the list
         *         is then as before the call
         */
        public Writer addValue(Object value, java.util.function.Supplier<String> name) {
            appendValue(out, externals, value, name);
            count++;
            return this;
        }

        /** Number of items added. */
        public int size() {
            return count;
        }

        /** Bytes in the packed frame so far. */
        public int packedBytes() {
            return out.size;
        }

        /** Returns the packed frame followed by the external frames. */
        public List<byte[]> frames() {
            out.putIntAt(0, count);
            out.putIntAt(4, externals.size());
            List<byte[]> frames = new ArrayList<>(1 + externals.size());
            frames.add(out.toArray());
            frames.addAll(externals);
            return frames;
        }
    }

    /**
     * Appends one value item to {@code out}: status, length and its encoding, or, for an encoding
     * larger than {@link #INLINE_LIMIT}, status, -1, and the encoding added to {@code external}.
     * On failure {@code out} is left as it was.
     */
    static void appendValue(ByteGrower out, java.util.Collection<byte[]> external, Object value,
                            java.util.function.Supplier<String> name) {
        if (value instanceof byte[] b && b.length > INLINE_LIMIT) {
            out.put(BYTES);
            out.putInt(-1);
            external.add(b);
            return;
        }
        int at = out.size;
        out.put(VALUE);
        out.putInt(0);
        int len;
        try {
            len = BatchCodec.encode(out, value, name);
        } catch (RuntimeException e) {
            out.size = at;
            throw e;
        }
        if (len > INLINE_LIMIT) {
            external.add(java.util.Arrays.copyOfRange(out.buf, at + 5, at + 5 + len));
            out.size = at + 5;
            out.putIntAt(at + 1, -1);
        } else {
            out.putIntAt(at + 1, len);
        }
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
            // Every item takes at least 5 bytes of the packed frame: a count beyond that is a lie,
            // refused before anything is allocated for it.
            if (n < 0 || n > (packed.length - 8) / 5) {
                throw new IllegalArgumentException("value list at frame " + first + " declares " + n
                        + " items, but its " + packed.length + " bytes hold at most " + (packed.length - 8) / 5);
            }
            if (externals < 0 || externals > n || first + externals >= frames.size()) {
                throw new IllegalArgumentException("value list at frame " + first + " declares " + externals
                        + " external items, but " + (frames.size() - first - 1) + " frames follow it");
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
                if (statuses[i] != VALUE && statuses[i] != ERROR && statuses[i] != BYTES) {
                    throw new IllegalArgumentException("value list at frame " + first + ": item " + i
                            + " has status " + statuses[i] + " (known: 0 value, 1 error, 2 bytes)");
                }
                int len = getInt(packed, pos + 1);
                pos += 5;
                if (len == -1) {
                    if (next > first + externals) {
                        throw new IllegalArgumentException("value list at frame " + first
                                + " has more external items than the " + externals + " it declares");
                    }
                    external[i] = frames.get(next++);
                    lengths[i] = external[i].length;
                } else {
                    if (len < 0 || len > packed.length - pos) {
                        throw new IllegalArgumentException("value list at frame " + first + " is truncated");
                    }
                    offsets[i] = pos;
                    lengths[i] = len;
                    pos += len;
                }
            }
            if (pos != packed.length) {
                throw new IllegalArgumentException("value list at frame " + first + " has "
                        + (packed.length - pos) + " bytes after its last item");
            }
        }

        /**
         * Decodes item {@code i}, a {@link #VALUE} (with {@code loader}) or {@link #BYTES} (the
         * array itself), without copying the packed frame.
         */
        public Object value(int i, ClassLoader loader) {
            if (statuses[i] == BYTES) {
                return item(i).toArray();
            }
            return external[i] != null ? Values.decode(external[i], loader)
                    : BatchCodec.decode(packed, offsets[i], lengths[i], loader);
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
