package dev.jmp.internal.wire.message;

import java.util.List;

/**
 * Worker to parent: outcomes of finished tasks, batched when tasks are short.
 *
 * @param outcomes one per finished task
 */
public record TaskResults(List<TaskOutcome> outcomes) implements WireMessage {
}
