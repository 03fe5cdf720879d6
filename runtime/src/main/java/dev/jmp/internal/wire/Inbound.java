package dev.jmp.internal.wire;

import dev.jmp.internal.wire.message.WireMessage;
import java.util.List;

/**
 * A message that passed the signature and sequence checks.
 *
 * @param peer   the sender's id
 * @param header the envelope
 * @param body   the decoded control message
 * @param data   the binary frames after the body (user data), possibly empty
 * @param <T>    the body type
 */
public record Inbound<T extends WireMessage>(String peer, Header header, T body, List<byte[]> data) {

    /** Returns data frame {@code i}, or {@code null} when {@code i} is negative. */
    public byte[] frame(int i) {
        if (i < 0) {
            return null;
        }
        if (i >= data.size()) {
            throw new IllegalArgumentException("message " + header.type() + " has " + data.size()
                    + " data frames, not " + (i + 1));
        }
        return data.get(i);
    }
}
