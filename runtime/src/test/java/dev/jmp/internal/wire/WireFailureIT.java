package dev.jmp.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.Pool;
import dev.jmp.WorkerTracking;
import dev.jmp.internal.supervisor.DefaultSupervisor;
import dev.jmp.internal.supervisor.Supervisor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When the hub's JeroMQ I/O thread dies under a running pool, the pool's run fails with that
 * reason (not after a heartbeat timeout), and the default runtime starts afresh for the next pool.
 */
@Timeout(300)
class WireFailureIT extends WorkerTracking {

    @Test
    void aDeadIoThreadFailsTheRunWithItsReasonAndTheNextPoolWorks() throws Exception {
        // The only way to end a JeroMQ I/O thread from outside is Thread.stop, which throws on JDK 20+;
        // there the test is skipped (the Java 17 run of the suite proves the behaviour).
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() < 20, "Thread.stop needs JDK < 20");
        Supervisor sup = DefaultSupervisor.get();
        try (Pool pool = new Pool(2)) {
            assertEquals(List.of(1, 2), pool.map(x -> x, List.of(1, 2)));
            CompletableFuture<List<Integer>> run = CompletableFuture.supplyAsync(() -> pool.map(x -> {
                Thread.sleep(60_000);
                return x;
            }, List.of(1, 2, 3, 4)));
            Thread io = sup.hub().ioThreads().stream().filter(t -> t.getName().contains("iothread")).findFirst()
                    .orElseThrow();
            Thread.class.getMethod("stop").invoke(io);
            ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(120, TimeUnit.SECONDS));
            String message = String.valueOf(e.getCause().getMessage());
            assertTrue(message.contains("connection to its workers failed") && message.contains(io.getName()),
                    message);
            // the runtime closes itself once it has failed the runs (on its own thread): wait for it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!sup.isClosed() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(sup.isClosed(), "the failed runtime closed");
        }
        try (Pool fresh = new Pool(2)) {
            assertEquals(List.of(2, 4), fresh.map(x -> x * 2, List.of(1, 2)), "the next pool works on a fresh runtime");
        }
    }
}
