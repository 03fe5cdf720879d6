package dev.jmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.function.SerialCallable;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 11 items 5, 6 and 9 through the runtime API, with real worker JVMs. */
@Timeout(300)
class PoolResultsIT extends WorkerTracking {

    /** Item 5: every view of a result completes once the result exists, after close and join too. */
    @Test
    void viewsCompleteAfterThePoolIsClosedAndJoined() throws Exception {
        Pool pool = new Pool(1);
        Future<Integer> f = pool.asExecutorService().submit((SerialCallable<Integer>) () -> 42);
        AsyncResult<Integer> a = pool.applyAsync(() -> 7);
        pool.close();
        pool.join();
        // Timeouts are hang detectors: the results exist (join returned after the work was done).
        assertEquals(42, f.get(300, TimeUnit.SECONDS));
        assertEquals(7, a.toCompletableFuture().get(300, TimeUnit.SECONDS));
        assertEquals(42, f.get());
    }

    /** Item 5: a view asked for after terminate() still completes with the result that existed. */
    @Test
    void aViewAskedForAfterTerminateCompletes() throws Exception {
        Pool pool = new Pool(1);
        AsyncResult<Integer> r = pool.applyAsync(() -> 3);
        assertEquals(3, r.get());
        pool.terminate(); // returns once every worker has exited
        assertEquals(3, r.toCompletableFuture().get(300, TimeUnit.SECONDS));
    }

    /** Item 6: a callback that throws is reported with its trace on System.err, and the pool goes on. */
    @Test
    void aCallbackThatThrowsIsReportedAndThePoolGoesOn() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public synchronized void write(int b) {
                text.write(b);
                if (b == '\n' && text.toString(StandardCharsets.UTF_8).contains("at dev.jmp.PoolResultsIT")) {
                    reported.countDown();
                }
            }
        }, true, StandardCharsets.UTF_8));
        try (Pool pool = new Pool(1)) {
            pool.applyAsync(() -> 5, v -> {
                throw new IllegalStateException("bug");
            }, null);
            assertTrue(reported.await(300, TimeUnit.SECONDS), () -> "no report on System.err: " + text);
            String err = text.toString(StandardCharsets.UTF_8);
            assertTrue(err.contains("Exception in a callback of job"), err);
            assertTrue(err.contains("java.lang.IllegalStateException: bug"), err);
            CompletableFuture<Integer> next = new CompletableFuture<>();
            pool.applyAsync(() -> 6, next::complete, next::completeExceptionally);
            assertEquals(6, next.get(300, TimeUnit.SECONDS));
            assertEquals(8, pool.apply(() -> 8));
        } finally {
            System.setErr(before);
        }
    }

    /** Item 9: imap takes an endless stream lazily, with a bounded window, and closing it stops the feeder. */
    @Test
    void imapReadsAnEndlessStreamLazily() throws Exception {
        AtomicLong produced = new AtomicLong();
        CountDownLatch streamClosed = new CountDownLatch(1);
        Stream<Integer> endless = Stream.iterate(0, x -> x + 1).peek(x -> produced.incrementAndGet())
                .onClose(streamClosed::countDown);
        try (Pool pool = new Pool(2)) {
            ResultIterator<Integer> it = pool.imap(x -> x * 2, endless);
            for (int i = 0; i < 100; i++) {
                assertEquals(2 * i, it.next());
            }
            // The window bounds what waits in the pool: 2^20 items ahead of what was consumed (room
            // for several chunks of tiny items in flight; their encoded bytes are bounded apart).
            assertTrue(produced.get() <= 100 + (1 << 20) + 1, () -> produced.get() + " items read from the stream");
            it.close();
            assertTrue(streamClosed.await(300, TimeUnit.SECONDS), "the stream was not closed after the iteration was");
            long after = produced.get();
            assertEquals(42, pool.apply(() -> 42));
            assertEquals(after, produced.get(), "the feeder went on reading after the iteration was closed");
        }
    }
}
