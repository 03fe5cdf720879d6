package dev.jmp.kernel.protocol;

import dev.jmp.kernel.JmpKernel;
import dev.jmp.kernel.io.IOPubPublisher;
import dev.jmp.kernel.io.StreamRouter;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;

/** Installs jmp's handlers over basekernel's on a connection. */
public final class ProtocolHandlers {

    /** The Jupyter messaging protocol version jmp speaks. */
    public static final String PROTOCOL_VERSION = "5.3";

    private ProtocolHandlers() {
    }

    /**
     * Replaces the execute, kernel_info, history, interrupt and shutdown handlers.
     *
     * @param connection the connection (basekernel's handlers already installed)
     * @param kernel     the kernel
     * @param streams    the cell streams, flushed before results and replies
     * @param iopub      the publisher whose parent follows the running cell
     */
    public static void install(JupyterConnection connection, JmpKernel kernel, StreamRouter streams, IOPubPublisher iopub) {
        HistoryLog history = new HistoryLog();
        connection.setHandler(MessageType.EXECUTE_REQUEST, new ExecuteHandler(kernel, streams, iopub, history));
        connection.setHandler(MessageType.HISTORY_REQUEST, new HistoryHandler(history));
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, request) -> {
            env.setBusyDeferIdle();
            env.reply(new KernelInfoOkReply(kernel));
        });
        connection.setHandler(MessageType.INTERRUPT_REQUEST, (env, request) -> {
            kernel.interrupt();
            env.reply(new InterruptOkReply());
        });
        connection.setHandler(MessageType.SHUTDOWN_REQUEST, (env, request) -> {
            boolean restart = request.getContent().isRestart();
            env.setBusyDeferIdle();
            env.reply(new ShutdownOkReply(restart));
            kernel.onShutdown(restart);
            env.markForShutdown();
        });
    }

    /** A kernel_info_reply with the {@code status} basekernel leaves out. */
    static final class KernelInfoOkReply extends KernelInfoReply {
        @SuppressWarnings("unused")
        private final String status = "ok";

        KernelInfoOkReply(JmpKernel kernel) {
            super(PROTOCOL_VERSION, "jmp", dev.jmp.kernel.KernelVersion.VERSION, kernel.getLanguageInfo(),
                    kernel.getBanner(), kernel.getHelpLinks());
        }
    }
}
