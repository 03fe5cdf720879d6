package dev.jmp.internal.supervisor;

import dev.jmp.internal.wire.message.TaskOutcome;
import java.util.List;

/** Whoever a worker works for (a pool, a process, the warm set): told of results and of the end. */
public interface WorkerOwner {

    /**
     * A task ended. Called on the hub's I/O thread, or on the worker's output thread when the
     * parent waited for the task's output; must not block.
     *
     * @param frames the data frames of the results message ({@code outcome.frame()} indexes them)
     */
    void onOutcome(TaskWorker worker, TaskOutcome outcome, List<byte[]> frames);

    /**
     * Several tasks ended (one results message). The default handles them one by one; owners that
     * react to each outcome with new work override it to react once per message.
     */
    default void onOutcomes(TaskWorker worker, List<TaskOutcome> outcomes, List<byte[]> frames) {
        for (TaskOutcome o : outcomes) {
            onOutcome(worker, o, frames);
        }
    }

    /**
     * Whether the worker is the runtime's own, running no user task (the class archive's training
     * worker): its output lines are dropped rather than delivered and echoed (its JVM reports on
     * stdout what it recorded), and {@code Jmp.workers()} leaves it out.
     */
    default boolean internal() {
        return false;
    }

    /** The worker's process ended and its output is drained. */
    void onExit(TaskWorker worker, WorkerExit exit);
}
