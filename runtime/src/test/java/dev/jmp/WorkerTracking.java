package dev.jmp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.supervisor.Supervisor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of tests that start workers: after each test the runtime is shut down and every worker
 * process the test started must be gone (tracked by the pids the supervisor launched, never by
 * looking at other processes on the machine).
 */
public abstract class WorkerTracking {

    /** Waits up to {@code millis} for all pids to end; returns those still alive. */
    public static List<Long> survivors(List<Long> pids, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        List<Long> alive = new ArrayList<>(pids);
        while (!alive.isEmpty() && System.currentTimeMillis() < deadline) {
            alive.removeIf(pid -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
            if (!alive.isEmpty()) {
                Thread.sleep(20);
            }
        }
        return alive;
    }

    /** Whether a pid is alive. */
    public static boolean alive(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        return h.isPresent() && h.get().isAlive();
    }

    @AfterEach
    void noWorkerOutlivesTheTest() throws InterruptedException {
        Supervisor s = Supervisor.peek();
        List<Long> pids = s == null ? List.of() : s.launchedPids();
        Jmp.shutdown();
        List<Long> left = survivors(pids, 5000);
        assertTrue(left.isEmpty(), "workers outlived the test: " + left);
    }
}
