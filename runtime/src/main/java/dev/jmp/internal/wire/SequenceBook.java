package dev.jmp.internal.wire;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sequence numbers of one endpoint. Each sender numbers its messages to each receiver 1, 2,
 * 3..., so a receiver refuses a number it has already passed (a replay) and reads a gap as
 * messages written but never delivered (a connection remade under them).
 *
 * <p>Threads: the received side is read and written by the receive thread only (others may
 * forget a peer); the sent side is used under the sender's lock, which serialises numbering
 * with writing so numbers reach the socket in order.
 */
final class SequenceBook {

    private final Map<String, Long> lastReceived = new ConcurrentHashMap<>();
    private final Map<String, long[]> lastSent = new HashMap<>();

    /** Whether {@code seq} from {@code from} is at or below the last one accepted from it (a replay). */
    boolean stale(String from, long seq) {
        Long last = lastReceived.get(from);
        return last != null && seq <= last;
    }

    /**
     * Records an accepted message and returns how many messages before it went missing.
     *
     * @param first the number the first message from a peer must carry for a gap before it to
     *              count, or 0 when messages before the first accepted one may be lost
     */
    long accept(String from, long seq, long first) {
        Long last = lastReceived.put(from, seq);
        long expected = last != null ? last + 1 : first;
        return expected > 0 && seq > expected ? seq - expected : 0;
    }

    /** The number of the next message to {@code to} (caller holds the send lock). */
    long next(String to) {
        return ++lastSent.computeIfAbsent(to, k -> new long[1])[0];
    }

    /** Takes back the number just given out: nothing was written, so the receiver must see no gap. */
    void unsend(String to) {
        long[] seq = lastSent.get(to);
        if (seq != null) {
            seq[0]--;
        }
    }

    /** Forgets what was received from a peer that is gone. */
    void forgetReceived(String peer) {
        lastReceived.remove(peer);
    }

    /** Forgets what was sent to a peer that is gone (caller holds the send lock). */
    void forgetSent(String peer) {
        lastSent.remove(peer);
    }
}
