package dev.jmp.magics.shell;

import dev.jmp.magics.MagicException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class ShellMagicsTest {

    @TempDir
    Path dir;

    @Test
    void runsInTheWorkingDirectoryAndSeparatesStreams() throws Exception {
        Files.writeString(dir.resolve("marker.txt"), "x");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ShellMagics sh = new ShellMagics(dir, () -> new PrintStream(out, true), () -> new PrintStream(err, true));
        assertEquals(0, sh.run("ls; echo problem >&2"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("marker.txt"));
        assertEquals("problem\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void nonZeroExitFailsWithTheStatus() {
        ShellMagics sh = new ShellMagics(dir, () -> System.out, () -> System.err);
        MagicException e = assertThrows(MagicException.class, () -> sh.run("exit 3"));
        assertEquals("%sh: command exited with status 3", e.getMessage());
    }

    @Test
    void outputStreamsBeforeTheCommandEnds() throws Exception {
        CountDownLatch firstLine = new CountDownLatch(1);
        OutputStream watcher = new OutputStream() {
            @Override
            public void write(int b) {
                if (b == '\n') {
                    firstLine.countDown();
                }
            }
        };
        ShellMagics sh = new ShellMagics(dir, () -> new PrintStream(watcher, true), () -> System.err);
        Path release = dir.resolve("release");
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
            try {
                return sh.run("echo started; while [ ! -e release ]; do sleep 0.05; done; echo done");
            } catch (MagicException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(firstLine.await(300, TimeUnit.SECONDS), "first line arrives while the command still runs");
        assertTrue(!run.isDone());
        Files.writeString(release, "");
        assertEquals(0, run.get(300, TimeUnit.SECONDS));
    }

    @Test
    void interruptKillsTheCommandAndItsChildren() throws Exception {
        ShellMagics sh = new ShellMagics(dir, () -> System.out, () -> System.err);
        Path pidFile = dir.resolve("child.pid");
        Thread[] runner = new Thread[1];
        CompletableFuture<MagicException> run = new CompletableFuture<>();
        runner[0] = new Thread(() -> {
            try {
                sh.run("sleep 60 & echo $! > child.pid; wait");
                run.complete(null);
            } catch (MagicException e) {
                run.complete(e);
            }
        });
        runner[0].start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(pidFile) && Files.size(pidFile) > 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long child = Long.parseLong(Files.readString(pidFile).trim());
        runner[0].interrupt();
        MagicException e = run.get(300, TimeUnit.SECONDS);
        assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        ProcessHandle.of(child).ifPresent(h -> {
            try {
                h.onExit().get(300, TimeUnit.SECONDS);
            } catch (Exception ex) {
                throw new AssertionError("child " + child + " still alive", ex);
            }
        });
        assertTrue(ProcessHandle.of(child).map(h -> !h.isAlive()).orElse(true), "child killed");
    }
}
