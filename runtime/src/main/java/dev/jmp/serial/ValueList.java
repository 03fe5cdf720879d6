package dev.jmp.serial;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
    /** Items larger than this go in their own frame. */
    public static final int INLINE_LIMIT = 64 * 1024;

    private ValueList() {
    }

    /** Collects items, then builds the frames. */
    public static final class Writer {
        private final List<byte[]> items = new ArrayList<>();
        private final List<Byte> statuses = new ArrayList<>();

        /** Adds an item. */
        public Writer add(byte status, byte[] encoded) {
            statuses.add(status);
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
            ByteBuffer out = ByteBuffer.allocate(packed).order(ByteOrder.LITTLE_ENDIAN);
            out.putInt(items.size()).putInt(externals);
            List<byte[]> frames = new ArrayList<>(1 + externals);
            frames.add(out.array());
            for (int i = 0; i < items.size(); i++) {
                byte[] b = items.get(i);
                out.put(statuses.get(i));
                if (b.length > INLINE_LIMIT) {
                    out.putInt(-1);
                    frames.add(b);
                } else {
                    out.putInt(b.length).put(b);
                }
            }
            return frames;
        }
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
            ByteBuffer in = ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN);
            int n = in.getInt();
            int externals = in.getInt();
            if (n < 0 || externals < 0 || first + externals >= frames.size()) {
                throw new IllegalArgumentException("value list at frame " + first + " is truncated");
            }
            offsets = new int[n];
            lengths = new int[n];
            statuses = new byte[n];
            external = new byte[n][];
            int next = first + 1;
            for (int i = 0; i < n; i++) {
                statuses[i] = in.get();
                int len = in.getInt();
                if (len < 0) {
                    external[i] = frames.get(next++);
                    lengths[i] = external[i].length;
                } else {
                    offsets[i] = in.position();
                    lengths[i] = len;
                    in.position(in.position() + len);
                }
            }
        }

        /** Number of items. */
        public int size() {
            return statuses.length;
        }

        /** Status of item {@code i}: {@link #VALUE} or {@link #ERROR}. */
        public byte status(int i) {
            return statuses[i];
        }

        /** Bytes of item {@code i}. */
        public Slice item(int i) {
            return external[i] != null ? Slice.of(external[i]) : new Slice(packed, offsets[i], lengths[i]);
        }
    }

    /** Counts the frames a list starting at {@code first} occupies. */
    public static int frameCount(List<byte[]> frames, int first) {
        ByteBuffer in = ByteBuffer.wrap(frames.get(first)).order(ByteOrder.LITTLE_ENDIAN);
        in.getInt();
        return 1 + in.getInt();
    }
}
