package dev.jmp.kernel.io;

import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;

import java.io.PrintStream;

/**
 * Publishes IOPub messages as children of the current cell's execute request, from any thread.
 *
 * <p>The parent stays set after a cell ends, so output and display updates produced later
 * (by background threads, workers, a progress bar) still reach the cell that started them;
 * basekernel's reply environment stops publishing when the cell's reply is sent.
 */
public final class IOPubPublisher {

    private final JupyterSocket iopub;
    private final PrintStream fallback;
    private volatile MessageContext parent;

    /**
     * Creates a publisher.
     *
     * @param iopub    the IOPub socket (its send is synchronized, so any thread may publish)
     * @param fallback where text goes before any cell ran (the kernel's log)
     */
    public IOPubPublisher(JupyterSocket iopub, PrintStream fallback) {
        this.iopub = iopub;
        this.fallback = fallback;
    }

    /**
     * Makes a request the parent of everything published from now on.
     *
     * @param request the execute request of the cell that starts
     */
    public void setParent(MessageContext request) {
        this.parent = request;
    }

    /**
     * The current parent: the request of the running cell, or of the last one.
     *
     * @return the request, or null before any cell ran
     */
    public MessageContext parent() {
        return parent;
    }

    /**
     * Whether a cell has run yet (so there is somewhere to publish).
     *
     * @return true once a parent is set
     */
    public boolean hasParent() {
        return parent != null;
    }

    /**
     * Publishes a message under the current parent, or writes text content to the fallback
     * stream when no cell has run yet.
     *
     * @param content the message content
     * @param <T>     the content type
     */
    public <T extends ContentType<T>> void publish(T content) {
        publish(parent, content);
    }

    /**
     * Publishes a message under a given parent (a cell that may have ended), or drops it with a
     * note when there is none.
     *
     * @param context the cell's request, or null
     * @param content the message content
     * @param <T>     the content type
     */
    public <T extends ContentType<T>> void publish(MessageContext context, T content) {
        if (context == null) {
            fallback.println("[jmp] " + content.getType().getName() + " before any cell: dropped");
            return;
        }
        iopub.sendMessage(new Message<>(context, content.getType(), content));
    }

    /**
     * Where text goes when there is no cell.
     *
     * @return the fallback stream
     */
    PrintStream fallback() {
        return fallback;
    }
}
