package dev.jmp.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * Starts workers as child processes on this host. The child's stdin, stdout and stderr are
 * pipes: stdin carries the bootstrap and then stays open until the parent dies, stdout and
 * stderr (the native file descriptors 1 and 2) are read by the parent.
 */
public final class LocalLauncher implements Launcher {

    @Override
    public String name() {
        return "local";
    }

    @Override
    public boolean onThisHost() {
        return true;
    }

    @Override
    public LaunchedWorker launch(LaunchSpec spec) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(spec.javaCommand());
        pb.environment().putAll(spec.env());
        if (spec.workDir() != null) {
            pb.directory(spec.workDir().toFile());
        }
        Process p = pb.start();
        OutputStream stdin = p.getOutputStream();
        try {
            stdin.write(spec.bootstrap());
            stdin.flush();
        } catch (IOException e) {
            throw new IOException("worker " + spec.workerId() + " exited before reading its bootstrap" + lastWords(p), e);
        }
        return new Local(p, stdin);
    }

    /**
     * The exit code and the start of the stderr of a worker that ended before it read its
     * bootstrap (a broken {@code java}, a bad JVM option): the reason, which the caller reports.
     */
    private static String lastWords(Process p) {
        try {
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            String err = new String(p.getErrorStream().readNBytes(2048), java.nio.charset.StandardCharsets.UTF_8).strip();
            return " (exit code " + p.exitValue() + ")" + (err.isEmpty() ? "" : "; its stderr: " + err);
        } catch (IOException e) {
            return " (exit code " + p.exitValue() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return "";
        }
    }

    private static final class Local implements LaunchedWorker {
        private final Process process;
        @SuppressWarnings("unused")
        private final OutputStream stdin;
        private final CompletableFuture<Integer> exit;

        Local(Process process, OutputStream stdin) {
            this.process = process;
            this.stdin = stdin;
            this.exit = process.onExit().thenApply(p -> ExitCodes.toPython(p.exitValue()));
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public InputStream stdout() {
            return process.getInputStream();
        }

        @Override
        public InputStream stderr() {
            return process.getErrorStream();
        }

        @Override
        public CompletableFuture<Integer> onExit() {
            return exit;
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public void terminate() {
            // Through the handle: Process.destroy() would also close the worker's stdin, which the
            // worker reads as its parent's death and exits 0 instead of answering the signal.
            process.toHandle().destroy();
        }

        @Override
        public void kill() {
            process.toHandle().destroyForcibly();
        }
    }
}
