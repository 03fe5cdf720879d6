package dev.jmp.internal.wire;

import java.util.List;

/**
 * The signed envelope of every message.
 *
 * @param type  the message type (the simple class name of the body)
 * @param seq   the sender's sequence number; a receiver drops any message whose number is not
 *              greater than the last one it accepted from that sender, so a replayed frame is stale
 * @param from  the sender's id ({@code "p"} for the parent)
 * @param to    the receiver's id, so a message cannot be replayed to another worker
 * @param parts which frames after the header were cut into parts ({@link FrameParts}): pairs
 *              {@code [index, parts]}, or null when none was
 */
public record Header(String type, long seq, String from, String to, List<Integer> parts) {

    /** A header of a message whose frames were not cut. */
    public Header(String type, long seq, String from, String to) {
        this(type, seq, from, to, null);
    }
}
