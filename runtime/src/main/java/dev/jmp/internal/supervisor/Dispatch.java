package dev.jmp.internal.supervisor;

import dev.jmp.internal.wire.message.TaskKind;
import java.util.List;

/**
 * One task to send to a worker.
 *
 * @param taskId    unique task id
 * @param jobId     the job it belongs to
 * @param firstItem index of its first item in the job
 * @param items     number of items
 * @param kind      how the worker calls the function 
 * @param exitAfter whether the worker exits after it
 * @param fn        the function
 * @param argFrames the items as a value list (packed frame and externals), or empty for none
 */
public record Dispatch(long taskId, long jobId, long firstItem, int items, TaskKind kind, boolean exitAfter,
                       ShippedFunction fn, List<byte[]> argFrames) {
}
