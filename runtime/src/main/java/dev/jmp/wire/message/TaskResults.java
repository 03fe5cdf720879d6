package dev.jmp.wire.message;

import dev.jmp.wire.WireMessage;
import java.util.List;

/**
 * Worker to parent: outcomes of finished tasks, batched when tasks are short.
 *
 * @param outcomes one per finished task
 */
public record TaskResults(List<TaskOutcome> outcomes) implements WireMessage {
}
