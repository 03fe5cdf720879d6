package dev.jmp.internal.worker;

import dev.jmp.internal.wire.message.TaskSpec;
import java.util.List;

/**
 * A task received and waiting for the task thread.
 *
 * @param spec   what to run
 * @param fn     the cached function (held here so eviction cannot lose it), or {@code null} if missing
 * @param frames the data frames of the message that carried it
 */
record QueuedTask(TaskSpec spec, FunctionCache.Entry fn, List<byte[]> frames) {
}
