package dev.jmp.internal.wire.message;

import java.util.List;

/**
 * Parent to worker: drop these tasks if queued, interrupt them if running. The worker answers
 * with a {@code cancelled} outcome (or the real one if the task had already finished).
 *
 * @param taskIds the tasks
 */
public record CancelTasks(List<Long> taskIds) implements WireMessage {
}
