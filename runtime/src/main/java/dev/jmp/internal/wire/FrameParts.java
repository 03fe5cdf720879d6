package dev.jmp.internal.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts frames larger than {@link #PART_LIMIT} into parts and joins them again, so every ZeroMQ
 * frame on the wire fits the sockets' maximum message size. That limit is what a peer can make
 * JeroMQ allocate with one frame header before anything is verified (JeroMQ allocates the size
 * a header declares), handshake commands included, so it is small; values of any size still
 * travel, in parts. The header says which frames were cut: pairs {@code [index, parts]} over the
 * frames after it (body, then data), for cut frames only.
 */
public final class FrameParts {

    /** The largest frame written to a socket; every socket refuses larger ones. */
    public static final int PART_LIMIT = 256 * 1024;

    private FrameParts() {
    }

    /**
     * Appends {@code frames} to {@code out}, cut into parts of at most {@code limit} bytes. The
     * parts are views of the frame, not copies: a copy per part doubled what a sender of large
     * values allocates, and a worker's small young generation then collected several times per
     * value (a 1 MiB queue item cost six times the collections, and a quarter of the throughput).
     *
     * @return the {@code [index, parts]} pairs of the frames that were cut, or null if none was
     */
    static List<Integer> split(List<byte[]> frames, int limit, List<ByteBuffer> out) {
        List<Integer> cuts = null;
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            if (f.length <= limit) {
                out.add(ByteBuffer.wrap(f));
                continue;
            }
            int n = (f.length + limit - 1) / limit;
            for (int k = 0; k < n; k++) {
                int from = k * limit;
                out.add(ByteBuffer.wrap(f, from, Math.min(f.length, from + limit) - from).slice());
            }
            if (cuts == null) {
                cuts = new ArrayList<>();
            }
            cuts.add(i);
            cuts.add(n);
        }
        return cuts;
    }

    /**
     * Joins parts back into frames.
     *
     * @param parts the frames as received
     * @param cuts  the header's pairs, or null
     * @return the frames as sent, or null if the pairs do not describe {@code parts} (malformed)
     */
    static List<byte[]> join(List<byte[]> parts, List<Integer> cuts) {
        if (cuts == null || cuts.isEmpty()) {
            return parts;
        }
        if (cuts.size() % 2 != 0) {
            return null;
        }
        List<byte[]> out = new ArrayList<>();
        int p = 0;
        int previous = -1;
        for (int c = 0; c < cuts.size(); c += 2) {
            Integer index = cuts.get(c);
            Integer n = cuts.get(c + 1);
            if (index == null || n == null || index <= previous || n < 2) {
                return null;
            }
            // frames before the cut one pass through whole
            while (out.size() < index) {
                if (p >= parts.size()) {
                    return null;
                }
                out.add(parts.get(p++));
            }
            if (parts.size() - p < n) {
                return null;
            }
            long total = 0;
            for (int k = 0; k < n; k++) {
                total += parts.get(p + k).length;
            }
            if (total > Integer.MAX_VALUE - 16) {
                return null;
            }
            byte[] whole = new byte[(int) total];
            int at = 0;
            for (int k = 0; k < n; k++) {
                byte[] part = parts.get(p++);
                System.arraycopy(part, 0, whole, at, part.length);
                at += part.length;
            }
            out.add(whole);
            previous = index;
        }
        while (p < parts.size()) {
            out.add(parts.get(p++));
        }
        return out;
    }
}
