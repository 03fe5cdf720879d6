package dev.jmp.internal.supervisor;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One worker as its owner uses it: name it, send it tasks, cancel them, stop it. Results and the
 * worker's end reach the owner through {@link WorkerOwner}. {@link WorkerHandle} is the real one.
 */
public interface TaskWorker {

    /** The worker's process id (-1 before it was launched). */
    long pid();

    /** The worker's name. */
    String name();

    /** Completes when the worker has connected; fails if it exits first. */
    CompletableFuture<? extends TaskWorker> ready();

    /** Gives the worker its index and name (seen by tasks through {@code dev.jmp.Worker}). */
    void assign(int index, String name);

    /** Sends tasks in one message. */
    void run(List<Dispatch> tasks);

    /** Asks the worker to drop or interrupt tasks. */
    void cancel(List<Long> taskIds);

    /** Asks the worker to exit with a code once it is idle. */
    void shutdown(int exitCode);

    /** Kills the worker's process at once. */
    void kill();

    /** The host it runs on, as the user named it, or null on this machine (the default). */
    default String host() {
        return null;
    }

    /**
     * The worker's process id, waiting while the worker waits for a launch slot.
     *
     * @return the pid, or -1 if it ended without being launched
     */
    default long awaitPid() {
        return pid();
    }

    /**
     * Stops the worker because someone asked (a pool's terminate): SIGKILL, or SIGTERM when
     * {@code force} is false; the reason is reported with its exit.
     */
    void stop(String reason, boolean force);
}
