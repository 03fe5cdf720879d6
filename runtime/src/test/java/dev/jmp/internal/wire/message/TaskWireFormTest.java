package dev.jmp.internal.wire.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.internal.wire.WireCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Task kinds and statuses keep the lower-case names docs/PROTOCOL.md gives them. */
class TaskWireFormTest {

    private static final WireCodec CODEC = WireCodec.standard();

    private static String json(WireMessage m) {
        return new String(CODEC.encodeBody(m), StandardCharsets.UTF_8);
    }

    private static <T extends WireMessage> T parse(Class<T> type, String json) {
        return type.cast(CODEC.decodeBody(type, json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyKindTravelsAsItsLowerCaseName() {
        for (TaskKind k : TaskKind.values()) {
            RunTasks run = new RunTasks(List.of(new TaskSpec(1, 2, 0, 1, "key", -1, 0, k, false)));
            String json = json(run);
            assertTrue(json.contains("\"kind\":\"" + k.name().toLowerCase() + "\""), json);
            assertEquals(run, parse(RunTasks.class, json));
        }
    }

    @Test
    void everyStatusTravelsAsItsLowerCaseName() {
        for (TaskStatus s : TaskStatus.values()) {
            TaskResults res = new TaskResults(List.of(new TaskOutcome(3, s, 5, -1, false, null, 0)));
            String json = json(res);
            assertTrue(json.contains("\"status\":\"" + s.name().toLowerCase() + "\""), json);
            assertEquals(res, parse(TaskResults.class, json));
        }
    }

    @Test
    void aKindOrStatusThisSideDoesNotKnowDecodesAsNull() {
        RunTasks run = parse(RunTasks.class, json(new RunTasks(List.of(
                new TaskSpec(1, 2, 0, 1, "key", -1, 0, TaskKind.CALL, false)))).replace("\"call\"", "\"teleport\""));
        assertNull(run.tasks().get(0).kind());
        TaskResults res = parse(TaskResults.class, json(new TaskResults(List.of(
                new TaskOutcome(3, TaskStatus.OK, 5, -1, false, null, 0)))).replace("\"ok\"", "\"maybe\""));
        assertNull(res.outcomes().get(0).status());
    }
}
