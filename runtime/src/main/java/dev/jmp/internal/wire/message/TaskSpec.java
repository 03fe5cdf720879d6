package dev.jmp.internal.wire.message;

/**
 * One task of a {@link RunTasks} batch: a function applied to a chunk of items.
 *
 * @param taskId    unique per runtime; results and cancels refer to it
 * @param jobId     the user-visible job (a map, an apply, a process) the task belongs to
 * @param firstItem the index within the job of the chunk's first item
 * @param items     how many items the chunk holds
 * @param fnKey     content key of the serialized function; the worker caches functions by key
 * @param fnFrame   the data frame holding the function, or -1 when the worker already has it
 * @param argsFrame the data frame holding the chunk's items (a value list)
 * @param kind      how to call the function ({@link TaskKind}); {@link TaskKind#PRIME} only loads
 *                  the function ahead of need (an idle warm worker), runs nothing and reports nothing
 * @param exitAfter whether the worker exits after this task (a {@code Process} target)
 */
public record TaskSpec(long taskId, long jobId, long firstItem, int items, String fnKey,
                       int fnFrame, int argsFrame, TaskKind kind, boolean exitAfter) {
}
