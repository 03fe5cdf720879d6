package dev.jmp.internal.wire.message;


/**
 * Parent to worker: report your counters and resource use.
 *
 * @param requestId correlates the reply
 */
public record StatsRequest(long requestId) implements WireMessage {
}
