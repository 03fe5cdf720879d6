package dev.jmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.error.WorkerDiedException;
import dev.jmp.internal.supervisor.RuntimeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers that stop or die at chosen moments (before they connect, while they hold a chunk):
 * every item ends as a result or a clear error, only the item running at a death is hit by it,
 * and nothing waits without bound.
 */
@Timeout(300)
class WorkerFaultIT extends WorkerTracking {

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toList());
    }

    private static void signal(String sig, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).start().waitFor());
    }

    @AfterEach
    void defaults() {
        RuntimeSettings.global().setStartTimeoutMillis(30_000);
        RuntimeSettings.global().setHeartbeats(500, 10_000, 500, 15_000);
        RuntimeSettings.global().setLocalSilenceMillis(600_000);
    }

    @Test
    void aWorkerStoppedBeforeItConnectsIsKilledAndReplaced() throws Exception {
        RuntimeSettings.global().setStartTimeoutMillis(3000);
        // JVM options make the pool start a fresh JVM (not a warm one), stopped long before it
        // can connect (a JVM needs well over 10 ms to reach main).
        try (Pool pool = Pool.builder().processes(1).jvmOptions("-Xss1m").build()) {
            long stopped = pool.pids().get(0);
            signal("STOP", stopped);
            assertFalse(pool.awaitWorkers(Duration.ofMillis(1)), "stopped before it connected");
            assertEquals(List.of(1, 2, 3), pool.map(x -> x + 1, List.of(0, 1, 2)), "a replacement did the work");
            assertTrue(survivors(List.of(stopped), 300_000).isEmpty(), "the stopped worker was killed");
            assertFalse(pool.pids().contains(stopped));
        }
    }

    @Test
    void aPoolWhoseWorkersNeverConnectFailsWithTheReasonInsteadOfWaiting(@TempDir Path dir) throws Exception {
        RuntimeSettings.global().setStartTimeoutMillis(1500);
        // Each worker JVM pauses before main until a file that never goes away is removed:
        // alive, silent, never connected.
        try (Pool pool = Pool.builder().processes(1).jvmOptions("-XX:+UnlockDiagnosticVMOptions",
                "-XX:+PauseAtStartup", "-XX:PauseAtStartupFile=" + dir.resolve("paused")).build()) {
            dev.jmp.error.WorkerStartException e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.jmp.error.WorkerStartException.class,
                    () -> pool.map(x -> x, range(3)));
            assertTrue(e.getMessage().contains("before they start"), e.getMessage());
            assertTrue(e.getMessage().contains("did not connect within"), "names the cause: " + e.getMessage());
        }
    }

    @Test
    void aWorkerStoppedMidChunkIsKilledAndOnlyItsRunningItemFails() throws Exception {
        RuntimeSettings.global().setHeartbeats(200, 10_000, 200, 2000);
        // A stopped local worker is only load until the local silence bound (SelfInflictedKillIT);
        // this test plays one stopped for good, so it shortens that bound.
        RuntimeSettings.global().setLocalSilenceMillis(2000);
        Jmp.shutdown(); // the next runtime runs with the short heartbeats
        try (Pool pool = Pool.builder().processes(2).build()) {
            assertTrue(pool.awaitWorkers(Duration.ofSeconds(300)));
            ResultIterator<Long> it = pool.imapUnordered(x -> {
                Thread.sleep(40);
                return Worker.pid();
            }, range(60), 4);
            long victim = -1;
            int ok = 0;
            List<WorkerDiedException> died = new ArrayList<>();
            while (it.hasNext()) {
                try {
                    long pid = it.next();
                    ok++;
                    if (ok == 6) {
                        victim = pid;
                        signal("STOP", victim);
                    }
                } catch (WorkerDiedException e) {
                    died.add(e);
                }
            }
            assertEquals(1, died.size(), "only the item running when the worker stopped: " + died);
            assertEquals(59, ok);
            WorkerDiedException e = died.get(0);
            assertEquals(victim, e.pid());
            assertTrue(e.getMessage().contains("sent nothing for"), e.getMessage());
            assertTrue(survivors(List.of(victim), 300_000).isEmpty(), "the silent worker was killed");
        }
    }

    @Test
    void aWorkerKilledMidChunkFailsOnlyTheRunningItemAndTheRestRunElsewhere(@TempDir Path dir) throws Exception {
        String running = dir.resolve("running").toString();
        try (Pool pool = Pool.builder().processes(2).build()) {
            AsyncResult<List<Integer>> r = pool.mapAsync(x -> {
                if (x == 57) {
                    Files.writeString(Path.of(running + ".tmp"), Long.toString(Worker.pid()));
                    Files.move(Path.of(running + ".tmp"), Path.of(running));
                    Thread.sleep(60_000);
                }
                Thread.sleep(2);
                return x * 3;
            }, range(200), 10, null, null);
            Path flag = Path.of(running);
            long deadline = System.currentTimeMillis() + 300_000;
            while (!Files.exists(flag) && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            long pid = Long.parseLong(Files.readString(flag));
            signal("KILL", pid);
            WorkerDiedException e = org.junit.jupiter.api.Assertions.assertThrows(WorkerDiedException.class, r::get);
            assertEquals(-9, e.exitCode());
            r.waitFor();
            assertEquals(199, r.done() - r.failed(), "every other item ran, those after 57 in its chunk too");
            assertEquals(1, r.failed(), "only item 57 failed");
            assertEquals(range(10).stream().map(x -> x * 3).collect(Collectors.toList()),
                    pool.map(x -> x * 3, range(10)), "the pool still works");
        }
    }
}
