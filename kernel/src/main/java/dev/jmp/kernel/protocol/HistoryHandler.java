package dev.jmp.kernel.protocol;

import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;

import java.util.List;

/** Answers history requests (tail, range, search) from the session's {@link HistoryLog}. */
final class HistoryHandler implements ShellHandler<HistoryRequest> {

    private final HistoryLog log;

    HistoryHandler(HistoryLog log) {
        this.log = log;
    }

    @Override
    public void handle(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        HistoryRequest request = message.getContent();
        boolean output = request.includeOutput();
        List<List<Object>> entries;
        if (request instanceof HistoryRequest.Tail tail) {
            entries = log.tail(tail.getMaxReturnLength(), output);
        } else if (request instanceof HistoryRequest.Range range) {
            entries = log.range(range.getSessionIndex(), range.getStart(), range.getStop(), output);
        } else if (request instanceof HistoryRequest.Search search) {
            entries = log.search(search.getPattern(), search.getMaxReturnLength(), search.filterUnique(), output);
        } else {
            entries = List.of();
        }
        env.reply(new HistoryOkReply(entries));
    }
}
