package dev.jmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Worker stdout and stderr reach the parent as whole tagged lines, in order, quickly. */
@Timeout(120)
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
            assertEquals(5, r.get(Duration.ofSeconds(30)), "the result did not wait for the worker to exit");
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
    void linesArriveWithin50Milliseconds() {
        try (Pool pool = new Pool(1)) {
            long job = pool.applyAsync(() -> {
                for (int i = 0; i < 20; i++) {
                    System.out.println("t=" + System.currentTimeMillis());
                    Thread.sleep(20);
                }
                return 0;
            }).jobId();
            long deadline = System.currentTimeMillis() + 60_000;
            while (of(job).size() < 20 && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            List<Long> delays = new ArrayList<>();
            for (OutputEvent e : of(job)) {
                delays.add(e.timeMillis() - Long.parseLong(e.line().substring(2)));
            }
            delays.sort(null);
            assertEquals(20, delays.size());
            assertTrue(delays.get(delays.size() / 2) < 50, "median delay " + delays);
        }
    }
}
