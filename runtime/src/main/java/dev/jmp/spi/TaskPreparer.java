package dev.jmp.spi;

/**
 * A hook called for every task function the runtime dispatches ({@code Process} targets,
 * pool functions), in the dispatching thread, before any worker is asked to run it. The kernel
 * plugs one in (with {@code Jmp.addTaskPreparer}) that snapshots the notebook variables the task
 * reads, so the worker sees their values as they were at dispatch.
 */
@FunctionalInterface
public interface TaskPreparer {

    /**
     * Prepares a task.
     *
     * @param task the task object about to be serialized (a serializable lambda, a
     *             {@code Process} subclass ...)
     * @return a payload to install in the worker before the task is deserialized there, or
     *         {@code null} when the task needs nothing
     * @throws RuntimeException to refuse the dispatch (for example naming a variable that cannot
     *                          be sent); nothing is started then
     */
    TaskPayload prepare(Object task);
}
