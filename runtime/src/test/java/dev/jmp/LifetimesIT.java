package dev.jmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.error.RemoteException;
import dev.jmp.spi.OutputEvent;
import dev.jmp.spi.Subscription;
import dev.jmp.spi.TraceFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process lifetimes as in Python, with real worker JVMs: a worker that ran a {@link Process}
 * body waits for the non-daemon threads and non-daemon child processes it started (daemon ones
 * die with it) and keeps the body's exit code; a plain {@code main} does the same for its
 * children; a {@link StackOverflowError} is the task's exception, trimmed, and the worker lives on.
 */
@Timeout(300)
class LifetimesIT extends WorkerTracking {

    static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    @Test
    void aNonDaemonThreadOutlivesTheBodyAndItsOutputReachesTheParent(@TempDir Path dir) {
        List<OutputEvent> lines = new CopyOnWriteArrayList<>();
        String mark = dir.resolve("thread-finished").toString();
        Subscription l = Jmp.addOutputListener(lines::add);
        try {
            Process p = new Process(() -> {
                new Thread(() -> {
                    try {
                        Thread.sleep(1000);
                        System.out.println("func2 end");
                        Files.writeString(Path.of(mark), "yes");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).start();
                System.out.println("body end");
            }).start();
            p.join();
            assertEquals(0, p.exitCode(), String.valueOf(p.lastStderr()));
            assertTrue(Files.exists(Path.of(mark)), "the non-daemon thread ran to its end");
            assertTrue(lines.stream().anyMatch(e -> e.line().equals("func2 end") && e.pid() == p.pid()),
                    lines.toString());
        } finally {
            l.close();
        }
    }

    @Test
    void aBodyThatThrowsStillWaitsForItsThreadsAndExitsOne(@TempDir Path dir) {
        String mark = dir.resolve("thread-finished").toString();
        Process p = new Process(() -> {
            new Thread(() -> {
                try {
                    Thread.sleep(1000);
                    Files.writeString(Path.of(mark), "yes");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).start();
            throw new IllegalStateException("boom");
        }).start();
        p.join();
        assertEquals(1, p.exitCode());
        assertEquals("boom", p.exception().remoteMessage());
        assertTrue(Files.exists(Path.of(mark)), "the non-daemon thread ran to its end");
    }

    @Test
    void aDaemonThreadDiesWithTheWorker(@TempDir Path dir) {
        String mark = dir.resolve("daemon-finished").toString();
        Process p = new Process(() -> {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(600_000);
                    Files.writeString(Path.of(mark), "yes");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.setDaemon(true);
            t.start();
        }).start();
        p.join(); // the test's timeout is the hang detector: a joined daemon thread would sleep 10 minutes
        assertEquals(0, p.exitCode());
        assertFalse(Files.exists(Path.of(mark)));
    }

    @Test
    void aNonDaemonChildProcessRunsToItsEndAfterTheBodyReturns(@TempDir Path dir) {
        String mark = dir.resolve("child-finished").toString();
        Process p = new Process(() -> {
            new Process(() -> {
                Thread.sleep(1000);
                Files.writeString(Path.of(mark), "yes");
            }).start();
        }).start();
        p.join();
        assertEquals(0, p.exitCode(), String.valueOf(p.lastStderr()));
        assertTrue(Files.exists(Path.of(mark)), "the non-daemon child was joined before the worker exited");
    }

    @Test
    void aDaemonChildProcessIsTerminatedWhenTheBodyEnds(@TempDir Path dir) throws Exception {
        String mark = dir.resolve("daemon-finished").toString();
        Process p = new Process(() -> new Process(() -> {
            Thread.sleep(600_000);
            Files.writeString(Path.of(mark), "yes");
        }).daemon(true).start().pid()).start();
        p.join();
        assertEquals(0, p.exitCode(), String.valueOf(p.lastStderr()));
        long child = (Long) p.result();
        assertTrue(survivors(List.of(child), 300_000).isEmpty(), "the daemon child ended with its parent");
        assertFalse(Files.exists(Path.of(mark)));
    }

    @Test
    void aStackOverflowIsTheProcessExceptionWithATrimmedTrace() {
        List<OutputEvent> lines = new CopyOnWriteArrayList<>();
        Subscription l = Jmp.addOutputListener(lines::add);
        try {
            Process p = new Process(() -> recurse(0)).start();
            p.join();
            assertEquals(1, p.exitCode());
            RemoteException e = p.exception();
            assertTrue(e != null && e.is(StackOverflowError.class), String.valueOf(e));
            assertTrimmed(e);
            long traceLines = lines.stream().filter(x -> x.pid() == p.pid() && x.line().contains("at ")).count();
            assertTrue(traceLines < 50, "the worker's stderr report is trimmed too: " + traceLines + " frame lines");
            assertTrue(lines.stream().anyMatch(x -> x.pid() == p.pid() && x.line().contains("more frames of the same recursion")),
                    lines.toString());
        } finally {
            l.close();
        }
    }

    @Test
    void aStackOverflowFailsThePoolTaskAndTheWorkerKeepsWorking() {
        try (Pool pool = new Pool(1)) {
            long pid = pool.apply(Worker::pid);
            RemoteException e = assertThrows(RemoteException.class, () -> pool.apply(() -> recurse(0)));
            assertTrue(e.is(StackOverflowError.class), e.toString());
            assertTrimmed(e);
            assertEquals(pid, pool.apply(Worker::pid), "the same worker runs the next task");
        }
    }

    @Test
    void aPoolTaskThreadsAreNotJoinedPerTask() {
        try (Pool pool = new Pool(1)) {
            pool.apply(() -> {
                new Thread(() -> {
                    try {
                        Thread.sleep(600_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }).start();
                return 1;
            });
            // the pool's worker stays long-lived: its next task runs while that thread sleeps
            assertEquals(2, pool.apply(() -> 2));
            pool.terminate();
        }
    }

    private static void assertTrimmed(RemoteException e) {
        StackTraceElement[] frames = e.getStackTrace();
        assertTrue(frames.length < 50, "trimmed: " + frames.length + " frames " + Arrays.toString(frames));
        List<String> omitted = new ArrayList<>();
        for (StackTraceElement f : frames) {
            String text = TraceFormat.omittedFrames(f);
            if (text != null) {
                omitted.add(text);
            }
        }
        assertEquals(1, omitted.size(), Arrays.toString(frames));
        assertTrue(omitted.get(0).matches("\\.\\.\\. \\d+ more frames of the same recursion"), omitted.get(0));
        assertTrue(frames[0].getMethodName().equals("recurse"), frames[0].toString());
    }

    @Test
    void aPlainMainDoesNotEndBeforeItsNonDaemonChildAndTerminatesItsDaemonChild(@TempDir Path dir) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LifetimeMain.class.getName(), dir.toString());
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("main.log").toFile());
        b.environment().put("JMP_TEST_RUN", "lifetimes-it");
        java.lang.Process main = b.start();
        try {
            assertTrue(main.waitFor(300, TimeUnit.SECONDS), "the main program ended"); // a hang detector
            assertEquals(0, main.exitValue(), Files.readString(dir.resolve("main.log")));
            assertTrue(Files.exists(dir.resolve("non-daemon-finished")),
                    "the non-daemon child ran before the JVM ended: " + Files.readString(dir.resolve("main.log")));
            assertFalse(Files.exists(dir.resolve("daemon-finished")), "the daemon child was terminated");
            if (Files.exists(dir.resolve("daemon-pid"))) {
                long daemon = Long.parseLong(Files.readString(dir.resolve("daemon-pid")));
                assertTrue(survivors(List.of(daemon), 300_000).isEmpty(), "the daemon child is gone");
            }
        } finally {
            main.destroyForcibly().waitFor();
        }
    }
}
