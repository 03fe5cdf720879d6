package dev.jmp.launch.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Command lines of the system {@code ssh} client for one group's options, and short remote
 * commands run to their end. The client runs in batch mode (never a prompt: a host that wants a
 * password or an unknown host key fails at once), gives up a connection attempt after
 * {@value #CONNECT_SECONDS} s and a silent connection after three missed keep-alives, so a link
 * that goes down ends the worker's session instead of leaving it hanging.
 */
final class SshCommand {

    static final int CONNECT_SECONDS = 15;
    /** A hang detector for short commands (staging): far above what they take. */
    private static final long SHORT_COMMAND_SECONDS = 300;
    private final SshOptions options;

    SshCommand(SshOptions options) {
        this.options = options;
    }

    /** The {@code ssh} argument list that runs {@code remoteCommand} (one shell line) on {@code host}. */
    List<String> argv(String host, String remoteCommand) {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-T", "-o", "BatchMode=yes", "-o", "ConnectTimeout=" + CONNECT_SECONDS,
                "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=3", "-o", "LogLevel=ERROR"));
        if (options.config() != null) {
            cmd.addAll(List.of("-F", options.config().toString()));
        }
        if (options.port() != 0) {
            cmd.addAll(List.of("-p", Integer.toString(options.port())));
        }
        if (options.user() != null) {
            cmd.addAll(List.of("-l", options.user()));
        }
        if (options.identity() != null) {
            cmd.addAll(List.of("-i", options.identity().toString(), "-o", "IdentitiesOnly=yes"));
        }
        if (options.knownHosts() != null) {
            cmd.addAll(List.of("-o", "UserKnownHostsFile=" + options.knownHosts(), "-o", "GlobalKnownHostsFile=/dev/null",
                    "-o", "StrictHostKeyChecking=yes"));
        }
        cmd.add("--");
        cmd.add(host);
        cmd.add(remoteCommand);
        return cmd;
    }

    /**
     * Runs a short command on a host, with {@code input} on its standard input, and returns its
     * standard output.
     *
     * @throws IOException naming the host and quoting ssh's or the command's error when it fails
     */
    String run(String host, String remoteCommand, InputStream input) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv(host, remoteCommand));
        pb.redirectErrorStream(false);
        Process p = pb.start();
        Thread feeder = null;
        if (input != null) {
            feeder = new Thread(() -> {
                try (var out = p.getOutputStream(); input) {
                    input.transferTo(out);
                } catch (IOException e) {
                    // the command ended early; its exit status says why
                }
            }, "jmp-ssh-feed");
            feeder.setDaemon(true);
            feeder.start();
        } else {
            p.getOutputStream().close();
        }
        var err = new java.util.concurrent.CompletableFuture<String>();
        Thread errReader = new Thread(() -> err.complete(readAll(p.getErrorStream())), "jmp-ssh-err");
        errReader.setDaemon(true);
        errReader.start();
        String out = readAll(p.getInputStream());
        try {
            if (!p.waitFor(SHORT_COMMAND_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("ssh to " + host + " did not finish within " + SHORT_COMMAND_SECONDS + " s");
            }
            int code = p.exitValue();
            if (code != 0) {
                throw new IOException(failure(host, code, err.get(10, TimeUnit.SECONDS)));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running ssh to " + host, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException(failure(host, p.exitValue(), ""), e);
        }
        return out;
    }

    /** A sentence for a failed ssh: its exit status and what it or the remote command wrote to stderr. */
    static String failure(String host, int code, String stderr) {
        String said = stderr.strip();
        String what = code == 255 ? "ssh to " + host + " failed" : "the command on " + host + " failed with exit code " + code;
        return what + (said.isEmpty() ? "" : ": " + said.replace('\n', ' ').replace("\r", ""));
    }

    static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
