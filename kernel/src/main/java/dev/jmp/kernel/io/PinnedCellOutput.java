package dev.jmp.kernel.io;

import dev.jmp.magics.CellOutput;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.publish.PublishDisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishStream;
import io.github.spencerpark.jupyter.messages.publish.PublishUpdateDisplayData;

import java.io.PrintStream;
import java.util.Map;

/**
 * A {@link CellOutput} pinned to one cell's request: whatever is published through it goes to
 * that cell, even while later cells run. Before publishing it flushes the process-wide cell
 * streams, so text a magic printed through {@code System.out} keeps its place before it.
 */
public final class PinnedCellOutput implements CellOutput {

    private final IOPubPublisher iopub;
    private final MessageContext parent;
    private final Runnable flush;
    private final PrintStream fallback;

    /**
     * Pins output to a cell.
     *
     * @param iopub    the publisher
     * @param parent   the cell's execute request, or null before any cell (text then goes to the log)
     * @param flush    flushes the process-wide streams
     * @param fallback where text goes when there is no cell
     */
    public PinnedCellOutput(IOPubPublisher iopub, MessageContext parent, Runnable flush, PrintStream fallback) {
        this.iopub = iopub;
        this.parent = parent;
        this.flush = flush;
        this.fallback = fallback;
    }

    @Override
    public void stdout(String text) {
        stream(PublishStream.StreamType.OUT, text);
    }

    @Override
    public void stderr(String text) {
        stream(PublishStream.StreamType.ERR, text);
    }

    private void stream(PublishStream.StreamType type, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (parent == null) {
            fallback.print(text);
            fallback.flush();
            return;
        }
        flush.run();
        iopub.publish(parent, new PublishStream(type, text));
    }

    @Override
    public void display(String displayId, Map<String, String> bundle) {
        if (parent == null) {
            return;
        }
        flush.run();
        iopub.publish(parent, new PublishDisplayData(data(displayId, bundle)));
    }

    @Override
    public void updateDisplay(String displayId, Map<String, String> bundle) {
        if (parent == null) {
            return;
        }
        flush.run();
        iopub.publish(parent, new PublishUpdateDisplayData(data(displayId, bundle)));
    }

    private static DisplayData data(String displayId, Map<String, String> bundle) {
        DisplayData data = new DisplayData();
        bundle.forEach(data::putData);
        data.setDisplayId(displayId);
        return data;
    }
}
