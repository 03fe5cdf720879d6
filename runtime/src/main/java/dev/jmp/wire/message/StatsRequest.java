package dev.jmp.wire.message;

import dev.jmp.wire.WireMessage;

/**
 * Parent to worker: report your counters and resource use.
 *
 * @param requestId correlates the reply
 */
public record StatsRequest(long requestId) implements WireMessage {
}
