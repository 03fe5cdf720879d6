package dev.jmp.magics.shell;

import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicDoc;
import dev.jmp.magics.MagicException;
import dev.jmp.spi.Daemons;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code %sh} and {@code %%sh}: run a shell command or script and stream its stdout and
 * stderr into the cell as they are produced. A non-zero exit status fails the cell; an
 * interrupt kills the command and everything it started.
 */
public final class ShellMagics {

    /** The documentation of {@code %sh} / {@code %%sh}. */
    public static final MagicDoc DOC = new MagicDoc("sh", true, true,
            "Run a shell command (%sh) or script (%%sh), streaming its output into the cell.",
            """
            Usage: %sh COMMAND
                   %%sh
                   SCRIPT LINES...

            Runs with bash (or sh when bash is missing) in the kernel's working directory.
            stdout and stderr appear while the command runs. A non-zero exit status makes
            the cell fail; interrupting the kernel kills the command and its children.

            Examples:
              %sh ls -l *.csv | head
              %%sh
              for i in 1 2 3; do echo "step $i"; sleep 1; done""");

    private final Path workingDirectory;
    private final Supplier<PrintStream> out;
    private final Supplier<PrintStream> err;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    /**
     * Creates the magics.
     *
     * @param workingDirectory where commands run
     * @param out              the cell's stdout
     * @param err              the cell's stderr
     */
    public ShellMagics(Path workingDirectory, Supplier<PrintStream> out, Supplier<PrintStream> err) {
        this.workingDirectory = workingDirectory;
        this.out = out;
        this.err = err;
    }

    /**
     * Registers {@code %sh} and {@code %%sh}.
     *
     * @param catalog the catalog to register into
     */
    public void register(MagicCatalog catalog) {
        catalog.registerRawLine(DOC, raw -> {
            if (raw.isBlank()) {
                throw new MagicException("%sh needs a command, for example: %sh ls -l. For a script use %%sh.");
            }
            run(raw);
            return null;
        });
        catalog.registerCell(DOC, (args, body) -> {
            if (!args.isEmpty()) {
                throw new MagicException("%%sh takes no arguments on its first line (got: "
                        + String.join(" ", args) + "); put the script in the cell body.");
            }
            run(body);
            return null;
        });
    }

    /**
     * Runs a script and waits for it.
     *
     * @param script the shell text
     * @return the exit status (always 0: a non-zero status throws)
     * @throws MagicException when the command fails, cannot start or is interrupted
     */
    public int run(String script) throws MagicException {
        ProcessBuilder builder = new ProcessBuilder(shell(), "-c", script)
                .directory(workingDirectory.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new MagicException("%sh: cannot start " + shell() + ": " + e.getMessage(), e);
        }
        running.add(process);
        Thread outPump = pump(process.getInputStream(), out.get(), "sh-stdout");
        Thread errPump = pump(process.getErrorStream(), err.get(), "sh-stderr");
        try {
            process.getOutputStream().close();
            int status = process.waitFor();
            outPump.join();
            errPump.join();
            if (status != 0) {
                throw new MagicException("%sh: command exited with status " + status);
            }
            return status;
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new MagicException("%sh: interrupted, the command was killed");
        } catch (IOException e) {
            throw new MagicException("%sh: " + e.getMessage(), e);
        } finally {
            running.remove(process);
        }
    }

    /** Kills every command still running (on interrupt or shutdown). */
    public void killAll() {
        List.copyOf(running).forEach(ShellMagics::kill);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static Thread pump(InputStream in, PrintStream target, String name) {
        return Daemons.start(name, () -> {
            char[] buffer = new char[4096];
            try (Reader reader = new InputStreamReader(in, Charset.defaultCharset())) {
                int n;
                while ((n = reader.read(buffer)) >= 0) {
                    // One write per chunk read, flushed at once: output reaches the cell while the command runs.
                    target.print(new String(buffer, 0, n));
                    target.flush();
                }
            } catch (IOException e) {
                // The process was killed: its pipes closed under us. Nothing more to copy.
            }
        });
    }

    private static String shell() {
        return Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "/bin/sh";
    }
}
