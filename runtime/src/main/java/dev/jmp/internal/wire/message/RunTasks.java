package dev.jmp.internal.wire.message;

import java.util.List;

/**
 * Parent to worker: tasks to queue and run in order. Data frames hold serialized functions (only
 * those the worker lacks) and each task's items.
 *
 * @param tasks the tasks
 */
public record RunTasks(List<TaskSpec> tasks) implements WireMessage {
}
