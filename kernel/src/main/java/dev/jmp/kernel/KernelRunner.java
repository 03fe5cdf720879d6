package dev.jmp.kernel;

import dev.jmp.kernel.io.StdioCapture;
import dev.jmp.kernel.protocol.ProtocolHandlers;
import dev.jmp.kernel.protocol.QuickShellChannels;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/** Connects a {@link JmpKernel} to Jupyter and serves until shutdown (kept apart from
 * {@link KernelMain} so the JDK check runs before any JShell class is touched). */
final class KernelRunner {

    private KernelRunner() {
    }

    static int run(String connectionJson, Path connectionFile, PrintStream log, StdioCapture capture) {
        KernelConnectionProperties properties;
        try {
            properties = KernelConnectionProperties.parse(connectionJson);
            if (properties == null || properties.getTransport() == null || properties.getIp() == null) {
                throw new IllegalArgumentException("missing transport or ip");
            }
        } catch (RuntimeException e) {
            log.println("jmp kernel: " + connectionFile.toAbsolutePath() + " is not a Jupyter connection file ("
                    + e.getMessage() + ").");
            return KernelMain.EXIT_USAGE;
        }
        writePidFile(log);
        JmpKernel kernel = new JmpKernel(log);
        JupyterConnection connection;
        try {
            connection = new JupyterConnection(properties);
        } catch (GeneralSecurityException e) {
            log.println("jmp kernel: unsupported signature scheme " + properties.getSignatureScheme() + ": " + e.getMessage());
            return KernelMain.EXIT_USAGE;
        }
        QuickShellChannels.install(connection, properties, log);
        kernel.attach(connection);
        if (capture != null) {
            kernel.streams().forward(capture);
        }
        // Installed here, not by the kernel, so the handlers know only the narrow seams they use.
        ProtocolHandlers.install(connection, kernel::runCell, kernel.identity(), kernel::interrupt, kernel::onShutdown,
                kernel.streams(), kernel.iopub());
        connection.connect();
        connection.waitUntilClose();
        return 0;
    }

    private static void writePidFile(PrintStream log) {
        String dir = System.getenv("JMP_PID_DIR");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Files.createDirectories(Path.of(dir));
            Files.writeString(Path.of(dir, Long.toString(ProcessHandle.current().pid())), "");
        } catch (IOException e) {
            log.println("jmp kernel: cannot write pid file in " + dir + ": " + e.getMessage());
        }
    }
}
