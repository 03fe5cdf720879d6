package dev.jmp.kernel.io;

import dev.jmp.spi.Daemons;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Publishes IOPub messages as children of the current cell's execute request, from any thread.
 *
 * <p>The parent stays set after a cell ends, so output and display updates produced later
 * (by background threads, workers, a progress bar) still reach the cell that started them;
 * basekernel's reply environment stops publishing when the cell's reply is sent.
 *
 * <p>Messages are written by one thread of the publisher's own, and the caller waits until its
 * message is written. The callers are threads the kernel interrupts (a magic's thread) or stops
 * (the cell thread), and JeroMQ fails a send with EINTR when the sending thread is interrupted,
 * which can leave half a multi-frame message on the socket; the writing thread is never
 * interrupted, and waiting for it keeps the order of output and of the cell's reply.
 */
public final class IOPubPublisher {

    private final JupyterSocket iopub;
    private final PrintStream fallback;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Daemons.factory("jmp-iopub-writer"));
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
        Message<T> message = new Message<>(context, content.getType(), content);
        Future<?> written;
        try {
            written = writer.submit(() -> iopub.sendMessage(message));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            iopub.sendMessage(message);
            return;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    written.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException("IOPub send failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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
