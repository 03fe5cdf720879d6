package dev.jmp.internal.wire.message;


/**
 * Parent to worker: exit now with this code (after flushing output).
 *
 * @param exitCode the exit code
 */
public record Shutdown(int exitCode) implements WireMessage {
}
