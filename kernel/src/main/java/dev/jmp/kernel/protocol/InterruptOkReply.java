package dev.jmp.kernel.protocol;

import io.github.spencerpark.jupyter.messages.reply.InterruptReply;

/** An interrupt_reply with the {@code status} basekernel leaves out. */
final class InterruptOkReply extends InterruptReply {

    @SuppressWarnings("unused")
    private final String status = "ok";

    InterruptOkReply() {
    }
}
