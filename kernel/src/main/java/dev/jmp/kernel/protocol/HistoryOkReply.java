package dev.jmp.kernel.protocol;

import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.MessageType;

import java.util.List;

/**
 * A history_reply with {@code status}; entries are {@code [session, line, input]} or, when
 * output was asked for, {@code [session, line, [input, output-or-null]]}.
 */
final class HistoryOkReply implements ContentType<HistoryOkReply> {

    @SuppressWarnings("unused")
    private final String status = "ok";
    @SuppressWarnings("unused")
    private final List<List<Object>> history;

    HistoryOkReply(List<List<Object>> history) {
        this.history = history;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MessageType<HistoryOkReply> getType() {
        return (MessageType<HistoryOkReply>) (MessageType<?>) MessageType.HISTORY_REPLY;
    }
}
