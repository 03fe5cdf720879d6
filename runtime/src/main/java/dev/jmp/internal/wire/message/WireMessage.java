package dev.jmp.internal.wire.message;

/**
 * A control message: a small record encoded as JSON by {@code dev.jmp.internal.wire.WireCodec}. Its type name on the
 * wire is the class's simple name. User data never goes in here; it travels in the binary
 * frames that follow.
 */
public interface WireMessage {
}
