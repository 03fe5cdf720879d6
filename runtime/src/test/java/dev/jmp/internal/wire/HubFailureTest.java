package dev.jmp.internal.wire;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A hub whose JeroMQ I/O thread dies says so, with the reason, and closes. */
@Timeout(300)
class HubFailureTest {

    @Test
    void aDeadIoThreadIsReportedNotSilent() throws Exception {
        // The only way to end a JeroMQ I/O thread from outside is Thread.stop, which throws on JDK 20+;
        // there the test is skipped (the Java 17 run of the suite proves the behaviour).
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() < 20, "Thread.stop needs JDK < 20");
        BlockingQueue<String> reasons = new ArrayBlockingQueue<>(4);
        try (Hub hub = new Hub(WireKey.random(), WireCodec.standard())) {
            hub.onFailure(reasons::add);
            Thread io = hub.ioThreads().stream().filter(t -> t.getName().contains("iothread")).findFirst()
                    .orElseThrow(() -> new AssertionError("no I/O thread among " + hub.ioThreads()));
            kill(io);
            // The stop lands when the thread leaves its selector: a connection wakes it.
            try (java.net.Socket wake = new java.net.Socket("127.0.0.1",
                    Integer.parseInt(hub.endpoint().substring(hub.endpoint().lastIndexOf(':') + 1)))) {
                wake.getOutputStream().write(WireAttacks.greeting("PLAIN"));
            }
            String reason = reasons.poll(300, TimeUnit.SECONDS);
            assertNotNull(reason, "the hub reported its dead I/O thread");
            assertTrue(reason.contains(io.getName()), reason);
            assertFalse(hub.isOpen());
            assertTrue(hub.failure().contains(io.getName()));
        }
    }

    /** Ends a thread with an Error, as an OutOfMemoryError in JeroMQ's I/O thread would. */
    private static void kill(Thread t) throws Exception {
        Thread.class.getMethod("stop").invoke(t);
    }
}
