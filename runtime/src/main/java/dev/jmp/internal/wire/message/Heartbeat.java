package dev.jmp.internal.wire.message;


/**
 * Either direction, periodically: the sender is alive. A worker that hears nothing from its
 * parent for its heartbeat timeout exits; the parent treats a silent worker as dead.
 *
 * @param sentMillis the sender's clock when sent
 */
public record Heartbeat(long sentMillis) implements WireMessage {
}
