package dev.jmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.error.WorkerDiedException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Killing workers and parents with SIGKILL: results stay accounted for and no process is orphaned. */
@Timeout(300)
class ChaosIT extends WorkerTracking {

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toList());
    }

    private static void kill9(long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor());
    }

    @Test
    void killingAWorkerDuringAMapOf1000TasksLeavesEveryItemAccountedFor() throws Exception {
        try (Pool pool = new Pool(2)) {
            ResultIterator<Integer> it = pool.imap(x -> {
                Thread.sleep(3);
                return x * 2;
            }, range(1000));
            int ok = 0;
            int died = 0;
            int i = 0;
            long victim = -1;
            while (it.hasNext()) {
                if (i == 100) {
                    victim = pool.pids().get(0);
                    kill9(victim);
                }
                try {
                    int v = it.next();
                    assertEquals(it.lastIndex() * 2, v);
                    ok++;
                } catch (WorkerDiedException e) {
                    assertEquals(-9, e.exitCode());
                    assertEquals(9, e.signal());
                    assertEquals(victim, e.pid());
                    died++;
                }
                assertEquals(i, it.lastIndex(), "in order");
                i++;
            }
            assertEquals(1000, ok + died);
            // Only the item running at the kill (if one was: the kill may land between items) fails;
            // the others the worker held run again on the other workers.
            assertTrue(died <= 1, "only the running item is hit by the death: " + died);
            assertFalse(pool.pids().contains(victim), "the dead worker was replaced");
            assertEquals(range(10), pool.map(x -> x, range(10)), "the pool still works");
        }
    }

    @Test
    void withRetriesAKilledWorkersItemsAreRunAgain() throws Exception {
        try (Pool pool = Pool.builder().processes(2).retries(2).build()) {
            AsyncResult<List<Integer>> r = pool.mapAsync(x -> {
                Thread.sleep(3);
                return x + 1;
            }, range(1000), 1, null, null);
            while (r.done() < 100) {
                Thread.sleep(5);
            }
            kill9(pool.pids().get(1));
            assertEquals(range(1000).stream().map(x -> x + 1).collect(Collectors.toList()), r.get());
        }
    }

    private static java.lang.Process startParent(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChildParentMain.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static List<Long> readPids(java.lang.Process parent) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.startsWith("PIDS")) {
                List<Long> pids = new ArrayList<>();
                for (String p : line.substring(5).split(" ")) {
                    pids.add(Long.parseLong(p));
                }
                return pids;
            }
        }
        throw new AssertionError("the parent exited without printing its workers");
    }

    @Test
    void killingTheParentWithSigkillStopsAllItsWorkers() throws Exception {
        java.lang.Process parent = startParent("hang");
        try {
            List<Long> pids = readPids(parent);
            assertEquals(4, pids.size(), "two pool workers, one process, one warm worker: " + pids);
            for (long p : pids) {
                assertTrue(alive(p));
            }
            kill9(parent.pid());
            long start = System.nanoTime();
            List<Long> left = survivors(pids, 60_000); // a hang detector; the time taken is printed below

            assertTrue(left.isEmpty(), "workers alive 60 s after their parent was killed: " + left);
            System.out.println("workers gone " + (System.nanoTime() - start) / 1_000_000 + " ms after kill -9 of the parent");
        } finally {
            parent.destroyForcibly().waitFor();
        }
    }

    @Test
    void atTheParentsNormalExitNonDaemonChildrenAreJoinedAndDaemonsTerminated(@TempDir Path dir) throws Exception {
        java.lang.Process parent = startParent("exit", dir.toString());
        try {
            List<Long> pids = readPids(parent);
            assertEquals(0, parent.waitFor());
            assertTrue(Files.exists(dir.resolve("non-daemon-finished")), "the non-daemon child was joined");
            assertFalse(Files.exists(dir.resolve("daemon-finished")), "the daemon child was terminated");
            assertTrue(survivors(pids, 60_000).isEmpty());
        } finally {
            parent.destroyForcibly().waitFor();
        }
    }
}
