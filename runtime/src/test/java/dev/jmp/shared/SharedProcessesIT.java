package dev.jmp.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.internal.mapped.ChildJvm;
import dev.jmp.internal.mapped.Children;
import dev.jmp.internal.mapped.ProxyChild;
import dev.jmp.internal.mapped.SharedFiles;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Shared values and arrays used from real separate JVMs: each child deserializes a proxy,
 * waits until every child is ready, hammers the same memory, and exits; the owner checks the
 * exact result.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SharedProcessesIT {

    private static final Duration WAIT = Duration.ofSeconds(300);

    private final Children children = new Children(null);

    @AfterEach
    void noChildLeft() throws InterruptedException {
        children.assertAllGone();
    }

    /** Starts {@code count} children on {@code shared}, releases them together, waits for their last line. */
    private List<String> runTogether(Object shared, int count, String... args) throws Exception {
        String proxy = ChildJvm.encode(shared);
        List<ChildJvm> started = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            ChildJvm child = children.start(ProxyChild.class, args);
            child.send(proxy);
            started.add(child);
        }
        for (ChildJvm child : started) {
            assertEquals("ready", child.nextLine(WAIT));
        }
        for (ChildJvm child : started) {
            child.send("go");
        }
        List<String> last = new ArrayList<>();
        for (ChildJvm child : started) {
            String line = child.nextLine(WAIT);
            while (!line.startsWith("done") && !line.startsWith("error") && !line.startsWith("value")) {
                line = child.nextLine(WAIT);
            }
            last.add(line);
            assertEquals(0, child.waitFor(WAIT), child.stderr());
        }
        return last;
    }

    @Test
    void twoProcessesIncrementASharedLongExactly() throws Exception {
        try (SharedLong counter = new SharedLong()) {
            runTogether(counter, 2, "incr", "100000");
            assertEquals(200_000, counter.get());
        }
    }

    @Test
    void twoProcessesIncrementASharedIntExactly() throws Exception {
        try (SharedInt counter = Shared.intValue(0)) {
            runTogether(counter, 2, "incr", "100000");
            assertEquals(200_000, counter.get());
        }
    }

    @Test
    void compareAndSetIsAtomicAcrossProcesses() throws Exception {
        try (SharedLong counter = new SharedLong(5)) {
            List<String> lines = runTogether(counter, 2, "cas", "50000");
            assertEquals(100_005, counter.get(), "CAS-only increments lost or duplicated: " + lines);
            assertFalse(counter.compareAndSet(5, 0), "CAS must fail against a stale expected value");
            assertTrue(counter.compareAndSet(100_005, -1));
            assertEquals(-1, counter.get());
        }
    }

    @Test
    void concurrentAtomicArrayAddsAreExact() throws Exception {
        int n = 100_000;
        try (SharedLongArray longs = new SharedLongArray(64);
             SharedIntArray ints = Shared.intArray(10);
             SharedDoubleArray doubles = Shared.doubleArray(100)) {
            runTogether(longs, 2, "array-add", String.valueOf(n));
            runTogether(ints, 2, "array-add", String.valueOf(n));
            runTogether(doubles, 2, "array-add", String.valueOf(n));
            long[] expected = new long[64];
            for (int k = 0; k < n; k++) {
                expected[k % 64] += 2L * (k % 7);
            }
            assertArrayEquals(expected, longs.toArray());
            int[] expectedInts = new int[10];
            java.util.Arrays.fill(expectedInts, 2 * n / 10);
            assertArrayEquals(expectedInts, ints.toArray());
            double[] expectedDoubles = new double[100];
            java.util.Arrays.fill(expectedDoubles, 2 * 0.5 * n / 100);
            assertArrayEquals(expectedDoubles, doubles.toArray(), 0.0);
        }
    }

    @Test
    void bulkRangesAreSeenAndWrittenByAnotherProcess() throws Exception {
        long[] initial = new long[10];
        for (int k = 0; k < initial.length; k++) {
            initial[k] = k;
        }
        try (SharedLongArray array = Shared.longArray(initial)) {
            List<String> lines = new ArrayList<>();
            String proxy = ChildJvm.encode(array);
            ChildJvm child = children.start(ProxyChild.class, "bulk", "7");
            child.send(proxy);
            assertEquals("ready", child.nextLine(WAIT));
            child.send("go");
            lines.add(child.nextLine(WAIT));
            lines.add(child.nextLine(WAIT));
            assertEquals(List.of("read 45 10", "done"), lines);
            assertEquals(0, child.waitFor(WAIT));
            assertArrayEquals(new long[] {0, 1, 2, 3, 4, 7, 7, 7, 7, 7}, array.toArray());
            assertArrayEquals(new long[] {3, 4, 7}, array.get(3, new long[3]));
        }
    }

    @Test
    void proxyUsedAfterTheOwnerClosedItFailsWithAClearError() throws Exception {
        SharedLong counter = new SharedLong(1);
        String name = counter.name();
        String proxy = ChildJvm.encode(counter);
        ChildJvm child = children.start(ProxyChild.class, "use");
        child.send(proxy);
        assertEquals("ready", child.nextLine(WAIT));
        counter.close();
        assertFalse(Files.exists(SharedFiles.pathOf(counter)), "close must unlink the file");
        child.send("go");
        String line = child.nextLine(WAIT);
        assertTrue(line.startsWith("error java.lang.IllegalStateException: " + name + " was closed by its owner"), line);
        assertEquals(0, child.waitFor(WAIT));
    }

    @Test
    void proxyReceivedAfterTheOwnerClosedItFailsWithAClearError() throws Exception {
        SharedLong counter = new SharedLong(1);
        String proxy = ChildJvm.encode(counter);
        counter.close();
        ChildJvm child = children.start(ProxyChild.class, "use");
        child.send(proxy);
        String line = child.nextLine(WAIT);
        assertTrue(line.startsWith("error java.lang.IllegalStateException: " + counter.name() + " no longer exists"), line);
        assertEquals(0, child.waitFor(WAIT));
    }
}
