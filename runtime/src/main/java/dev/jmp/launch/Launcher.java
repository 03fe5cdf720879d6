package dev.jmp.launch;

import java.io.IOException;

/**
 * Starts worker JVMs. Implementations are found by {@link #name()} through
 * {@link java.util.ServiceLoader} (list them in {@code META-INF/services/dev.jmp.launch.Launcher}),
 * so {@code ssh} or {@code slurm} launchers can be added without touching the supervisor.
 * Every implementation must pass the launcher contract test.
 */
public interface Launcher {

    /** The short name the launcher is chosen by, such as {@code local}. */
    String name();

    /**
     * Starts one worker: runs {@code spec}'s main class with its JVM options and classpath, feeds
     * {@link LaunchSpec#bootstrap()} to its standard input and keeps that input open (its closing
     * tells the worker the parent is gone), and exposes the worker's stdout and stderr.
     *
     * @throws IOException if the process cannot be started
     */
    LaunchedWorker launch(LaunchSpec spec) throws IOException;

    /**
     * Whether workers run on this host, as children the parent can watch. Then the worker watches
     * the parent's pid and the parent the worker's exit, and neither takes silence for death (see
     * the protocol's liveness rules); a remote launcher keeps the default, {@code false}, and its
     * workers are judged by heartbeats.
     */
    default boolean onThisHost() {
        return false;
    }
}
