package dev.jmp.launch;

import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/** A started worker process, as its launcher sees it. */
public interface LaunchedWorker {

    /** The process id (on the worker's host). */
    long pid();

    /** The worker's standard output. */
    InputStream stdout();

    /** The worker's standard error. */
    InputStream stderr();

    /**
     * Completes with the exit code in Python's convention when the process ends: 0 ok, positive
     * for {@code System.exit(n)}, and {@code -N} when killed by signal N.
     */
    CompletableFuture<Integer> onExit();

    /** Tells whether the process still runs. */
    boolean isAlive();

    /** Asks the process to stop (SIGTERM): the JVM runs its shutdown hooks and exits. */
    void terminate();

    /** Kills the process at once (SIGKILL). */
    void kill();

    /**
     * Whether a batch scheduler still holds the worker in its queue: its JVM has not begun to run.
     * The runtime's start timeout does not count while this is true (a queued job is not a stuck
     * start; the launcher applies its own queue timeout). Launchers that start processes at once
     * keep the default, {@code false}.
     */
    default boolean queued() {
        return false;
    }

    /**
     * The host the worker runs on, as the user named it (for example an ssh host), so its output
     * can be labelled with it; {@code null} (the default) for a worker on this machine.
     */
    default String host() {
        return null;
    }
}
