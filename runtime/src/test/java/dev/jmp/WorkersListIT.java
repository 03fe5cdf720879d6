package dev.jmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.spi.WorkerInfo;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Jmp#workers()} with real workers: idle warm ones and busy processes, with their pids. */
@Timeout(300)
class WorkersListIT extends WorkerTracking {

    @AfterEach
    void noWarmWorkers() {
        Jmp.setWarmWorkers(0);
    }

    private static Optional<WorkerInfo> find(java.util.function.Predicate<WorkerInfo> what) throws InterruptedException {
        // A hang detector, not a measure; on a loaded machine a worker's stats reply can miss the
        // default half second, so each look waits for the task counts as long as they take.
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<WorkerInfo> found = Jmp.workers(java.time.Duration.ofSeconds(300)).stream().filter(what).findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    @Test
    void listsIdleAndBusyWorkers() throws Exception {
        assertEquals(List.of(), Jmp.workers(), "no runtime, no workers");
        Jmp.setWarmWorkers(1);
        Jmp.start();
        Optional<WorkerInfo> idle = find(w -> w.state().equals("idle") && w.tasksDone() >= 0);
        assertTrue(idle.isPresent(), () -> "no idle warm worker: " + Jmp.workers());
        assertTrue(idle.get().pid() > 0 && idle.get().tasksDone() == 0, idle.get().toString());

        Process p = new Process(() -> Thread.sleep(600_000)).name("sleepy").index(3).start();
        Optional<WorkerInfo> busy = find(w -> w.name().equals("sleepy"));
        assertTrue(busy.isPresent(), () -> "no busy worker: " + Jmp.workers());
        assertEquals("busy", busy.get().state());
        assertEquals(p.pid(), busy.get().pid());
        assertEquals(3, busy.get().index());
        p.kill();
        p.join();
        assertTrue(Jmp.workers().stream().noneMatch(w -> w.pid() == p.pid()), () -> "killed worker still listed: "
                + Jmp.workers());
    }
}
