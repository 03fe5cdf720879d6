package dev.jmp.internal.wire.message;


/**
 * Worker to parent, first message after connecting: the worker is ready for work.
 *
 * @param workerId    the id the parent gave the worker in its bootstrap
 * @param pid         the worker's process id
 * @param startMillis when the worker's JVM started (epoch millis)
 */
public record Hello(String workerId, long pid, long startMillis) implements WireMessage {
}
