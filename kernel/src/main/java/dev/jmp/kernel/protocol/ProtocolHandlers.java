package dev.jmp.kernel.protocol;

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
     * @param cells      runs the cells of execute requests
     * @param identity   what kernel_info replies say
     * @param interrupt  stops the running cell
     * @param shutdown   the kernel's clean-up, run after the shutdown reply is sent
     * @param streams    the cell streams, flushed before results and replies
     * @param iopub      the publisher whose parent follows the running cell
     */
    public static void install(JupyterConnection connection, CellRunner cells, KernelIdentity identity,
                               Runnable interrupt, Shutdown shutdown, StreamRouter streams, IOPubPublisher iopub) {
        HistoryLog history = new HistoryLog();
        connection.setHandler(MessageType.EXECUTE_REQUEST, new ExecuteHandler(cells, streams, iopub, history));
        connection.setHandler(MessageType.HISTORY_REQUEST, new HistoryHandler(history));
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, request) -> {
            env.setBusyDeferIdle();
            env.reply(new KernelInfoOkReply(identity));
        });
        connection.setHandler(MessageType.INTERRUPT_REQUEST, (env, request) -> {
            interrupt.run();
            env.reply(new InterruptOkReply());
        });
        connection.setHandler(MessageType.SHUTDOWN_REQUEST, (env, request) -> {
            boolean restart = request.getContent().isRestart();
            env.setBusyDeferIdle();
            env.reply(new ShutdownOkReply(restart));
            shutdown.shutdown(restart);
            env.markForShutdown();
        });
    }

    /** The kernel's clean-up on a shutdown request. */
    @FunctionalInterface
    public interface Shutdown {

        /**
         * Releases what the kernel holds (workers, JShell, streams).
         *
         * @param restarting whether the frontend restarts the kernel
         */
        void shutdown(boolean restarting);
    }

    /** A kernel_info_reply with the {@code status} basekernel leaves out. */
    static final class KernelInfoOkReply extends KernelInfoReply {
        @SuppressWarnings("unused")
        private final String status = "ok";

        KernelInfoOkReply(KernelIdentity identity) {
            super(PROTOCOL_VERSION, "jmp", identity.version(), identity.language(), identity.banner(),
                    identity.helpLinks());
        }
    }
}
