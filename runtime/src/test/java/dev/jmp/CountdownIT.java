package dev.jmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, "Must show 2", through the {@link Process} API from a plain {@code main}
 * ({@link CountdownMain}, in a JVM of its own): 100 processes each decrement a shared count once
 * under a lock while four CPU-bound threads load the machine; the count ends at exactly 0 and
 * every exit code is 0. A runtime whose own timers kill workers that are slow to start or answer
 * under load fails it (exit codes -9 or 79, a count above 0). No duration is asserted.
 */
class CountdownIT {

    private static final int PROCESSES = 100;
    private static final int BUSY_THREADS = 4;

    @Test
    @Timeout(1200)
    void hundredProcessesFromAPlainMainCountDownToZeroUnderCpuLoad(@TempDir Path dir) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> busy = new ArrayList<>();
        for (int i = 0; i < BUSY_THREADS; i++) {
            Thread t = new Thread(() -> {
                long x = 0;
                while (!stop.get()) {
                    x = x * 31 + 7; // CPU-bound, no allocation
                }
                if (x == 42) {
                    System.out.print(""); // keeps the loop from being optimised away
                }
            }, "busy-" + i);
            t.setDaemon(true);
            t.start();
            busy.add(t);
        }
        Path log = dir.resolve("main.log");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CountdownMain.class.getName(), Integer.toString(PROCESSES));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().put("JMP_TEST_RUN", "countdown-it");
        java.lang.Process main = b.start();
        List<Long> workers = new ArrayList<>();
        try {
            while (!main.waitFor(200, TimeUnit.MILLISECONDS)) {
                // Remembers the workers as they come, to check afterwards that none outlived main.
                main.descendants().map(ProcessHandle::pid).filter(p -> !workers.contains(p)).forEach(workers::add);
            }
            String output = Files.readString(log);
            System.out.println("---- CountdownMain ----\n" + output); // its wall time, for the log
            assertEquals(0, main.exitValue(), output);
            assertTrue(output.lines().anyMatch("count 0"::equals), output);
            assertTrue(output.lines().anyMatch(("exit codes {0=" + PROCESSES + "}")::equals), output);
            assertTrue(output.lines().anyMatch(("distinct counts seen " + PROCESSES + " from 1 to " + PROCESSES)::equals),
                    "each process saw a different count (no lost update): " + output);
            assertTrue(WorkerTracking.survivors(workers, 60_000).isEmpty(), "no worker outlived main");
        } finally {
            stop.set(true);
            for (Thread t : busy) {
                t.join();
            }
            main.descendants().forEach(ProcessHandle::destroyForcibly);
            main.destroyForcibly().waitFor();
        }
    }
}
