package dev.jmp.wire;

/**
 * A control message: a small record encoded as JSON by {@link WireCodec}. Its type name on the
 * wire is the class's simple name. User data never goes in here; it travels in the binary
 * frames that follow.
 */
public interface WireMessage {
}
