package dev.jmp.kernel.protocol;

import dev.jmp.magics.CellFailure;
import dev.jmp.kernel.io.IOPubPublisher;
import dev.jmp.kernel.io.StreamRouter;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.publish.PublishError;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteInput;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteResult;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;
import io.github.spencerpark.jupyter.messages.reply.ExecuteReply;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a cell: publishes its input, makes it the parent of everything printed or displayed
 * from now on, runs it, then publishes its result or error and replies. An interrupted cell
 * is an error reply (basekernel would report JShell's stopped snippet as a success).
 */
final class ExecuteHandler implements ShellHandler<ExecuteRequest> {

    private final CellRunner cells;
    private final StreamRouter streams;
    private final IOPubPublisher iopub;
    private final HistoryLog history;
    private final AtomicInteger executionCount = new AtomicInteger(1);

    ExecuteHandler(CellRunner cells, StreamRouter streams, IOPubPublisher iopub, HistoryLog history) {
        this.cells = cells;
        this.streams = streams;
        this.iopub = iopub;
        this.history = history;
    }

    @Override
    public void handle(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        boolean silent = request.isSilent();
        boolean store = request.shouldStoreHistory() && !silent;
        int count = store ? executionCount.getAndIncrement() : Math.max(1, executionCount.get() - 1);
        env.setBusyDeferIdle();
        streams.flush();
        iopub.setParent(message);
        streams.cellStarted();
        if (!silent) {
            env.publish(new PublishExecuteInput(request.getCode(), count));
        }
        try {
            DisplayData result = cells.runCell(request.getCode(), count);
            streams.cellEnded();
            if (result != null && !silent) {
                env.publish(new PublishExecuteResult(count, result));
            }
            if (store) {
                history.add(count, request.getCode(), result == null ? null : textOf(result));
            }
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } catch (CellFailure e) {
            fail(env, store, count, request.getCode(), e.errorName(), e.errorValue(), e.traceback());
        } catch (RuntimeException | Error e) {
            // A kernel bug, not the user's: still a clear error reply, and the kernel stays up.
            fail(env, store, count, request.getCode(), e.getClass().getName(), String.valueOf(e.getMessage()),
                    List.of("Internal jmp error: " + e));
        }
    }

    private void fail(ShellReplyEnvironment env, boolean store, int count, String code,
                      String name, String value, List<String> traceback) {
        streams.cellEnded();
        if (store) {
            history.add(count, code, null);
        }
        env.publish(new PublishError(name, value, traceback));
        ErrorReply error = new ErrorReply(name, value, traceback);
        error.setExecutionCount(count);
        env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
    }

    private static String textOf(DisplayData data) {
        Object text = data.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN);
        return text == null ? null : text.toString();
    }
}
