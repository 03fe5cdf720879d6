package dev.jmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.spi.OutputEvent;
import dev.jmp.spi.Subscription;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Worker stdout and stderr reach the parent as whole tagged lines, in order, while the task runs. */
@Timeout(300)
class OutputIT extends WorkerTracking {

    private final List<OutputEvent> events = new CopyOnWriteArrayList<>();
    private Subscription sub;

    @BeforeEach
    void listen() {
        sub = Jmp.addOutputListener(events::add);
    }

    @AfterEach
    void stop() {
        sub.close();
    }

    private List<OutputEvent> of(long job) {
        return events.stream().filter(e -> e.jobId() == job).collect(Collectors.toList());
    }

    @Test
    void aPartialNativeLineBeforeTheDoneMarkerNeitherHidesTheLineNorHoldsTheResult() {
        try (Pool pool = new Pool(1)) {
            // printf inherits the worker's native stdout and ends without a newline, so the task's
            // done marker lands on the same line: the result must still come, the text too.
            AsyncResult<Integer> r = pool.applyAsync(() -> {
                System.out.println("before");
                new ProcessBuilder("printf", "partial").inheritIO().start().waitFor();
                return 5;
            });
            assertEquals(5, r.get(Duration.ofSeconds(300)), "the result did not wait for the worker to exit");
            List<String> lines = of(r.jobId()).stream().map(OutputEvent::line).collect(Collectors.toList());
            assertEquals(List.of("before", "partial"), lines, "both lines, before the result");
        }
    }

    @Test
    void linesAreTaggedWithWorkerJobItemAndStreamInOrder() {
        try (Pool pool = new Pool(1)) {
            AsyncResult<List<Integer>> r = pool.mapAsync(x -> {
                for (int i = 0; i < 50; i++) {
                    (i % 2 == 0 ? System.out : System.err).println("item " + x + " line " + i);
                }
                System.out.print("no newline at the end");
                return x;
            }, List.of(0, 1, 2), 1, null, null);
            r.get();
            List<OutputEvent> lines = of(r.jobId());
            assertEquals(3 * 51, lines.size(), "every line arrived before the map returned");
            for (int x = 0; x < 3; x++) {
                final long item = x;
                List<OutputEvent> mine = lines.stream().filter(e -> e.item() == item).collect(Collectors.toList());
                for (int i = 0; i < 50; i++) {
                    OutputEvent e = mine.get(i);
                    assertEquals("item " + x + " line " + i, e.line(), "in order per worker");
                    assertEquals(i % 2 == 0 ? OutputEvent.Stream.STDOUT : OutputEvent.Stream.STDERR, e.stream());
                    assertEquals("PoolWorker-1", e.workerName());
                    assertEquals(0, e.workerIndex());
                }
                assertEquals("no newline at the end", mine.get(50).line());
            }
        }
    }

    @Test
    void nativeFileDescriptorOutputIsCaptured() {
        Process p = new Process(() -> {
            FileOutputStream fd1 = new FileOutputStream(FileDescriptor.out);
            fd1.write("raw fd1 line\n".getBytes(StandardCharsets.UTF_8));
            fd1.flush();
            new ProcessBuilder("sh", "-c", "echo child-out; echo child-err >&2").inheritIO().start().waitFor();
        }).start();
        p.join();
        assertEquals(0, p.exitCode());
        assertTrue(events.stream().anyMatch(e -> e.line().equals("raw fd1 line") && e.pid() == p.pid()
                && e.stream() == OutputEvent.Stream.STDOUT), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.line().equals("child-out") && e.stream() == OutputEvent.Stream.STDOUT));
        assertTrue(events.stream().anyMatch(e -> e.line().equals("child-err") && e.stream() == OutputEvent.Stream.STDERR
                && e.pid() == p.pid()));
    }

    @Test
    void linesArriveWhileTheTaskStillRuns() throws Exception {
        java.nio.file.Path release = java.nio.file.Files.createTempFile("jmp-output-release", ".marker");
        java.nio.file.Files.delete(release);
        String releasePath = release.toString();
        try (Pool pool = new Pool(1)) {
            AsyncResult<Integer> task = pool.applyAsync(() -> {
                System.out.println("t=" + System.currentTimeMillis());
                while (!java.nio.file.Files.exists(java.nio.file.Path.of(releasePath))) {
                    Thread.sleep(5); // the task cannot end before the test has seen its line
                }
                return 0;
            });
            long job = task.jobId();
            while (of(job).isEmpty()) {
                Thread.sleep(5); // the class timeout is the hang detector
            }
            assertFalse(task.ready(), "the line arrived while the task ran");
            OutputEvent first = of(job).get(0);
            System.out.println("the first line arrived " + (first.timeMillis() - Long.parseLong(first.line().substring(2)))
                    + " ms after it was printed");
            java.nio.file.Files.createFile(release);
            assertEquals(0, task.get());
        } finally {
            java.nio.file.Files.deleteIfExists(release);
        }
    }
}
