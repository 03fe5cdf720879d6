package dev.jmp.kernel.protocol;

import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.MessageType;

/** A shutdown_reply with {@code status} (basekernel's has none and cannot be extended). */
final class ShutdownOkReply implements ContentType<ShutdownOkReply> {

    @SuppressWarnings("unused")
    private final String status = "ok";
    @SuppressWarnings("unused")
    private final boolean restart;

    ShutdownOkReply(boolean restart) {
        this.restart = restart;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MessageType<ShutdownOkReply> getType() {
        // Same wire name as basekernel's type; only the content class differs.
        return (MessageType<ShutdownOkReply>) (MessageType<?>) MessageType.SHUTDOWN_REPLY;
    }
}
