package dev.jmp.internal.wire.message;


/**
 * Parent to worker: the bytes of a requested class or resource in data frame 0, if found.
 *
 * @param requestId the request answered
 * @param name      the class or resource name
 * @param found     whether frame 0 holds its bytes
 */
public record ClassReply(long requestId, String name, boolean found) implements WireMessage {
}
