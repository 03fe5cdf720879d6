package dev.jmp.internal.supervisor;

/**
 * The workers an owner (a pool's scheduler, a process) can start and send tasks to, as the owner
 * needs them: start or take a worker, ids for tasks, the runtime's members and timer. The
 * {@link Supervisor} is the real one; a unit test drives a scheduler with a fake, so the
 * scheduler's decisions are tested without starting JVMs.
 */
public interface TaskWorkers {

    /**
     * Returns a worker for {@code owner}: a warm one when the options are the defaults and one is
     * idle, otherwise a new one. It may still be connecting ({@link TaskWorker#ready()}); tasks
     * sent before then wait for it. The owner learns of its results and its end.
     *
     * @throws IllegalStateException if the runtime was shut down
     */
    TaskWorker acquire(WorkerOptions options, WorkerOwner owner);

    /** A new id for a job or task, unique in this runtime. */
    long nextId();

    /** Whether the runtime was shut down (then no worker is replaced). */
    boolean isClosed();

    /** Registers something to stop (or join) when the runtime ends. */
    void addMember(RuntimeMember m);

    /** Forgets a member that ended on its own. */
    void removeMember(RuntimeMember m);

    /** Runs {@code r} once after {@code delayMillis}, on the runtime's timer (dropped once it is shut down). */
    void schedule(Runnable r, long delayMillis);
}
