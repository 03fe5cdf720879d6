package dev.jmp.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link TaskPreparer}s of this JVM, and the wrapping of a task with their payloads. Like
 * the runtime's settings, the registry outlives any one runtime start.
 */
public final class TaskPreparers {

    private static final List<TaskPreparer> PREPARERS = new CopyOnWriteArrayList<>();
    /**
     * In a worker, the payloads of the task it last received, with the loader they were
     * installed on: the worker's own dispatches pass them on ({@link TaskPayload#forward}), so
     * processes started from a worker, at any depth, see the notebook's variables as children do.
     */
    private static volatile Inherited inherited;

    private record Inherited(List<TaskPayload> payloads, ClassLoader loader) {
    }

    private TaskPreparers() {
    }

    /**
     * Adds a preparer, called for every task dispatched from now on.
     *
     * @param preparer the preparer
     */
    public static void add(TaskPreparer preparer) {
        PREPARERS.add(preparer);
    }

    /**
     * Removes a preparer.
     *
     * @param preparer a preparer added earlier
     */
    public static void remove(TaskPreparer preparer) {
        PREPARERS.remove(preparer);
    }

    /**
     * Runs every preparer on a task.
     *
     * @param task the task about to be serialized
     * @return the task itself when no preparer returned a payload (the common case outside the
     *         kernel), otherwise a serializable wrapper that installs the payloads in the worker
     *         and deserializes to the task itself
     * @throws RuntimeException what a preparer threw to refuse the dispatch
     */
    public static Object prepare(Object task) {
        Inherited from = inherited;
        if (PREPARERS.isEmpty() && from == null) {
            return task;
        }
        List<TaskPayload> payloads = new ArrayList<>();
        if (from != null) {
            for (TaskPayload p : from.payloads()) {
                TaskPayload passed = p.forward(from.loader());
                if (passed != null) {
                    payloads.add(passed);
                }
            }
        }
        for (TaskPreparer p : PREPARERS) {
            TaskPayload payload = p.prepare(task);
            if (payload != null) {
                payloads.add(payload);
            }
        }
        return payloads.isEmpty() ? task : new PreparedTask(payloads, task);
    }

    /** Records the payloads a worker installed for its task, to pass on (see {@link #prepare}). */
    static void inherit(List<TaskPayload> payloads, ClassLoader loader) {
        inherited = payloads.isEmpty() ? null : new Inherited(List.copyOf(payloads), loader);
    }
}
