package dev.jmp.kernel;

import dev.jmp.kernel.io.StdioCapture;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The kernel process: {@code java dev.jmp.kernel.KernelMain CONNECTION_FILE}.
 *
 * <p>Fails with one clear line and a non-zero exit when the JDK lacks JShell or the connection
 * file cannot be read. When the {@code JMP_PID_DIR} environment variable names a folder, the
 * kernel writes an empty file named after its process id there (tests use it to prove that
 * no kernel outlives them).
 */
public final class KernelMain {

    /** Exit status for a bad command line or connection file. */
    public static final int EXIT_USAGE = 2;
    /** Exit status when the Java runtime has no JShell. */
    public static final int EXIT_NO_JSHELL = 3;

    private KernelMain() {
    }

    /**
     * Starts the kernel and returns when Jupyter shuts it down.
     *
     * @param args the connection file's path
     */
    public static void main(String[] args) {
        StdioCapture capture = captureStdio();
        PrintStream log = System.err;
        if (args.length != 1) {
            log.println("jmp kernel: expected one argument, the Jupyter connection file (got " + args.length
                    + "). Usage: jmp-kernel CONNECTION_FILE");
            System.exit(EXIT_USAGE);
        }
        if (ModuleLayer.boot().findModule("jdk.jshell").isEmpty()) {
            log.println("jmp kernel: this Java runtime (" + System.getProperty("java.home")
                    + ") has no jdk.jshell module; jmp needs a JDK 17 or later, not a JRE.");
            System.exit(EXIT_NO_JSHELL);
        }
        String json;
        Path file = Path.of(args[0]);
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            log.println("jmp kernel: cannot read the connection file " + file.toAbsolutePath() + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").");
            System.exit(EXIT_USAGE);
            return;
        }
        configureLogging();
        ParentWatch.start(System.getenv(ParentWatch.VARIABLE), log);
        int status = KernelRunner.run(json, file, log, capture);
        System.exit(status);
    }

    /**
     * Takes the launcher's pipes for descriptors 1 and 2 (see {@link StdioCapture}); from here on
     * {@code System.out}/{@code System.err} write to the original terminal, so the kernel's own
     * log never goes through the pipes.
     */
    private static StdioCapture captureStdio() {
        StdioCapture capture;
        try {
            capture = StdioCapture.open(System.getProperty(StdioCapture.PROPERTY));
        } catch (IOException | RuntimeException e) {
            // Nothing reads the pipes then: say so where the launcher's terminal may still show it.
            System.err.println("jmp kernel: cannot capture descriptors 1 and 2 (" + e.getMessage()
                    + "); output of child processes started with inheritIO() is lost");
            return null;
        }
        if (capture != null) {
            System.setOut(capture.terminalOut());
            System.setErr(capture.terminalErr());
        }
        return capture;
    }

    private static void configureLogging() {
        LogManager.getLogManager().reset();
        Level level = Level.WARNING;
        String configured = System.getenv("JMP_LOG_LEVEL");
        if (configured != null && !configured.isBlank()) {
            try {
                level = Level.parse(configured.strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                System.err.println("jmp kernel: ignoring JMP_LOG_LEVEL=" + configured + " (use SEVERE, WARNING, INFO, FINE)");
            }
        }
        Logger root = Logger.getLogger("");
        root.setLevel(level);
        java.util.logging.ConsoleHandler handler = new java.util.logging.ConsoleHandler();
        handler.setLevel(level);
        root.addHandler(handler);
    }
}
