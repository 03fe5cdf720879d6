package dev.jmp.internal.wire;

import dev.jmp.internal.wire.message.WireMessage;
import java.util.List;

/**
 * What {@link FrameVerifier} decided about one raw message: the reason it was dropped, or the
 * verified header, body and data with the number of messages from its sender that went missing
 * before it.
 *
 * @param drop    why the message was dropped, or null if it was accepted
 * @param header  the verified envelope (accepted only)
 * @param type    the body's message type (accepted only)
 * @param body    the decoded body (accepted only)
 * @param data    the data frames after the body, joined from their parts (accepted only)
 * @param missing how many messages from the sender were lost before this one (accepted only)
 */
record FrameVerdict(Drop drop, Header header, Class<? extends WireMessage> type, WireMessage body,
                    List<byte[]> data, long missing) {

    /** Why a message was dropped; each reason has its counter in {@link WireCounters}. */
    enum Drop {
        /** Too few frames, or no signature frame of the right length. */
        UNSIGNED,
        /** The signature does not match the frames (wrong key or altered frames). */
        BAD_SIGNATURE,
        /** A frame over {@link FrameParts#PART_LIMIT}, a header, parts list or body that does not parse. */
        MALFORMED,
        /** The header names a sender or receiver this route may not carry. */
        MISROUTED,
        /** A sequence number at or below the last one accepted from the sender (a replay). */
        STALE,
        /** A type nobody handles here. */
        UNKNOWN_TYPE
    }

    static FrameVerdict dropped(Drop why) {
        return new FrameVerdict(why, null, null, null, null, 0);
    }

    /** Whether the message passed every check. */
    boolean accepted() {
        return drop == null;
    }
}
