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
}
