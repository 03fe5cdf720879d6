package dev.jmp.launch.ssh;

import dev.jmp.launch.ExitCodes;
import dev.jmp.launch.LaunchedWorker;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * A worker on another host, as its local {@code ssh} client shows it: the client's stdout and
 * stderr are the worker's, its exit status is the worker's (the wrapper passes it back), and its
 * stdin, kept open, is the wrapper's: {@code TERM} and {@code KILL} lines signal the worker, and
 * its end kills it.
 */
final class RemoteWorker implements LaunchedWorker {

    private final Process ssh;
    private final String host;
    private final long pid;
    private final InputStream stdout;
    private final OutputStream stdin;
    private final CompletableFuture<Integer> exit;

    private RemoteWorker(Process ssh, String host, long pid, InputStream stdout) {
        this.ssh = ssh;
        this.host = host;
        this.pid = pid;
        this.stdout = stdout;
        this.stdin = ssh.getOutputStream();
        this.exit = ssh.onExit().thenApply(p -> ExitCodes.toPython(p.exitValue()));
    }

    /**
     * Starts the client, sends the bootstrap and reads the wrapper's pid line.
     *
     * @throws IOException quoting ssh's error when the session does not start (no route, refused
     *                     key, unknown host key) or the wrapper fails before the worker runs
     */
    static RemoteWorker start(SshCommand command, String host, String remoteCommand, byte[] bootstrap) throws IOException {
        Process p = new ProcessBuilder(command.argv(host, remoteCommand)).start();
        try {
            p.getOutputStream().write(bootstrap);
            p.getOutputStream().flush();
        } catch (IOException e) {
            // ssh ended already: its status and stderr, read below, say why
        }
        BufferedInputStream out = new BufferedInputStream(p.getInputStream());
        String first = firstLine(out);
        if (first == null || !first.startsWith(RemoteScript.PID_LINE)) {
            p.getOutputStream().close();
            String err = SshCommand.readAll(p.getErrorStream());
            int code;
            try {
                code = p.waitFor();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting a worker on " + host, e);
            }
            throw new IOException(SshCommand.failure(host, code, err + (first == null ? "" : " " + first)));
        }
        long pid;
        try {
            pid = Long.parseLong(first.substring(RemoteScript.PID_LINE.length()).strip());
        } catch (NumberFormatException e) {
            p.destroyForcibly();
            throw new IOException("the worker wrapper on " + host + " printed a bad pid line: " + first, e);
        }
        return new RemoteWorker(p, host, pid, out);
    }

    /** Reads one line byte by byte, so nothing after it is taken from the worker's output. */
    private static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (b.size() < 4096) {
                b.write(c);
            }
        }
        return c < 0 && b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    /** The host the worker runs on, as the ssh options name it. */
    @Override
    public String host() {
        return host;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public InputStream stdout() {
        return stdout;
    }

    @Override
    public InputStream stderr() {
        return ssh.getErrorStream();
    }

    @Override
    public CompletableFuture<Integer> onExit() {
        return exit;
    }

    @Override
    public boolean isAlive() {
        return ssh.isAlive();
    }

    @Override
    public void terminate() {
        tell("TERM");
    }

    @Override
    public void kill() {
        tell("KILL");
        // Ending the session kills the worker too (the wrapper sees its stdin end), even when
        // the line above cannot reach the host.
        ssh.toHandle().destroyForcibly();
    }

    private void tell(String command) {
        synchronized (stdin) {
            try {
                stdin.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
                stdin.flush();
            } catch (IOException e) {
                // the session is gone, and with it the worker
            }
        }
    }
}
