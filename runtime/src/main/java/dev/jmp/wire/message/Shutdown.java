package dev.jmp.wire.message;

import dev.jmp.wire.WireMessage;

/**
 * Parent to worker: exit now with this code (after flushing output).
 *
 * @param exitCode the exit code
 */
public record Shutdown(int exitCode) implements WireMessage {
}
