package dev.jmp.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.Jmp;
import dev.jmp.Process;
import dev.jmp.function.SerialCallable;
import dev.jmp.WorkerTracking;
import dev.jmp.internal.supervisor.DefaultSupervisor;
import dev.jmp.internal.supervisor.Supervisor;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The task-preparer hook with real workers: payloads reach the worker's loader before the task runs. */
@Timeout(300)
class TaskPreparerIT extends WorkerTracking {

    /** A class the worker fetches from this JVM; the payload sets its field on the worker's copy. */
    public static final class Holder {
        public static volatile String value = "default";

        private Holder() {
        }
    }

    /** Sets {@link Holder#value} in the worker, through the loader it is given. */
    record SetHolder(String value) implements TaskPayload {
        @Override
        public void install(ClassLoader workerLoader) {
            try {
                Class<?> holder = Class.forName(Holder.class.getName(), true, workerLoader);
                if (holder.getClassLoader() != workerLoader) {
                    throw new IllegalStateException("the holder came from " + holder.getClassLoader());
                }
                Field f = holder.getField("value");
                f.set(null, value + " via " + workerLoader.getName());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final List<TaskPreparer> added = new CopyOnWriteArrayList<>();

    private void add(TaskPreparer p) {
        added.add(p);
        Jmp.addTaskPreparer(p);
    }

    @AfterEach
    void removePreparers() {
        added.forEach(Jmp::removeTaskPreparer);
    }

    @Test
    void payloadIsInstalledOnTheWorkersLoaderBeforeTheTaskRuns() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        add(task -> {
            seen.add(task);
            return new SetHolder("dispatch-time");
        });
        SerialCallable<String> read = () -> Holder.value;
        Process p = new Process(read).start().join();
        assertEquals(0, p.exitCode(), () -> String.valueOf(p.exception()));
        assertEquals("dispatch-time via jmp-worker", p.result());
        assertEquals(List.of(read), seen, "the preparer sees the task object itself, once");
        assertEquals("default", Holder.value, "the parent's copy is untouched");
    }

    @Test
    void noPayloadShipsTheTaskUnchanged() {
        add(task -> null);
        SerialCallable<String> read = () -> Holder.value;
        Process p = new Process(read).start().join();
        assertEquals("default", p.result());
    }

    @Test
    void refusingPreparerStartsNothing() {
        Supervisor before = DefaultSupervisor.peek();
        List<Long> pidsBefore = before == null ? List.of() : before.launchedPids();
        add(task -> {
            throw new IllegalArgumentException("variable `conn` cannot be sent");
        });
        Process p = new Process(() -> 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, p::start);
        assertEquals("variable `conn` cannot be sent", e.getMessage());
        assertEquals(-1, p.pid());
        assertNull(p.exitCode());
        Supervisor after = DefaultSupervisor.peek();
        assertEquals(pidsBefore, after == null ? List.of() : after.launchedPids(), "no worker was launched");
    }

    @Test
    void failingInstallFailsTheTaskWithItsMessage() {
        add(task -> workerLoader -> {
            throw new IllegalStateException("cannot install `x`");
        });
        Process p = new Process(() -> 1).start().join();
        assertEquals(1, p.exitCode());
        assertTrue(String.valueOf(p.exception()).contains("cannot install `x`"), String.valueOf(p.exception()));
    }
}
