package dev.jmp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.internal.supervisor.DefaultSupervisor;
import dev.jmp.internal.supervisor.Supervisor;
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
            alive.removeIf(pid -> !alive(pid));
            if (!alive.isEmpty()) {
                Thread.sleep(20);
            }
        }
        return alive;
    }

    /** Whether a pid runs (an exited process waiting to be reaped, a zombie, does not). */
    public static boolean alive(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) {
            return false;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void quiet() {
        Jmp.setOutputEcho(false);
    }

    @AfterEach
    void noWorkerOutlivesTheTest() throws InterruptedException {
        Supervisor s = DefaultSupervisor.peek();
        List<Long> pids = s == null ? List.of() : s.launchedPids();
        Jmp.shutdown();
        List<Long> left = survivors(pids, 300_000);  // a hang detector: a loaded machine is slow to reap
        assertTrue(left.isEmpty(), "workers outlived the test: " + left);
    }
}
