package dev.jmp.launch.slurm;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What cancels a launcher's jobs when this program ends without doing it itself: a shutdown hook
 * for a normal exit, and for a {@code kill -9} a small watchdog process ({@code sh}) that waits
 * for its stdin, a pipe from this JVM, to close, then cancels the jobs by name. Both exist only
 * between {@link #start()} and {@link #stop()}; the caller guards them with its own lock.
 */
final class SlurmGuards {

    private final SlurmCommands commands;
    private final SlurmQueue queue;
    private final String name;
    private final String user;
    private java.lang.Process watchdog;
    private OutputStream watchdogPipe;
    private Thread hook;

    SlurmGuards(SlurmCommands commands, SlurmQueue queue, String name, String user) {
        this.commands = commands;
        this.queue = queue;
        this.name = name;
        this.user = user;
    }

    /** Starts the watchdog and the hook, unless they run. */
    void start() throws IOException {
        if (watchdog != null) {
            return;
        }
        // sh reads until this JVM's end closes the pipe, whatever way it ends, then cancels. It
        // runs in a session of its own and ignores the terminal's signals, so a kill of this
        // JVM's whole process group (as Jupyter kills a kernel) does not take it along.
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid");
        }
        cmd.addAll(List.of("/bin/sh", "-c", "trap '' INT HUP TERM; cat >/dev/null;"
                + " exec \"$0\" --quiet --name=\"$1\" --user=\"$2\"", commands.tool("scancel"), name, user));
        ProcessBuilder pb = commands.builder(cmd);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        watchdog = pb.start();
        watchdogPipe = watchdog.getOutputStream();
        hook = new Thread(queue::cancelAll, "jmp-slurm-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Ends the watchdog (its scancel finds nothing left) and removes the hook, if they run. */
    void stop() {
        if (watchdog == null) {
            return;
        }
        try {
            watchdogPipe.close();
        } catch (IOException e) {
            // it is gone already
        }
        watchdog = null;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
        hook = null;
    }
}
