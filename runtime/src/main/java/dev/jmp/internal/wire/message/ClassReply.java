package dev.jmp.internal.wire.message;


/**
 * Parent to worker: the bytes of a requested class or resource in data frame 0, if found, or,
 * for a worker that asked digest-first, only their digest.
 *
 * @param requestId the request answered
 * @param name      the class or resource name
 * @param found     whether the parent has it (frame 0 holds its bytes unless {@code digest} is set)
 * @param digest    the SHA-256 of the bytes, in hex, sent instead of them; {@code null} when frame 0
 *                  holds the bytes
 */
public record ClassReply(long requestId, String name, boolean found, String digest) implements WireMessage {
}
