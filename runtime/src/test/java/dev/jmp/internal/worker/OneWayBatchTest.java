package dev.jmp.internal.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.internal.wire.message.ServiceRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a worker's held-back one-way calls leave, and how repeats are folded. */
class OneWayBatchTest {

    private static ServiceRequest put(int queue) {
        return new ServiceRequest(0, "q", "put", new com.google.gson.JsonPrimitive(queue), true);
    }

    @Test
    void theFirstCallStartsTheDelayAndLaterOnesAreHeld() {
        OneWayBatch b = new OneWayBatch();
        assertEquals(OneWayBatch.Added.FIRST, b.add(put(1), List.of()));
        assertEquals(OneWayBatch.Added.HELD, b.add(put(2), List.of()));
        b.drain();
        assertEquals(OneWayBatch.Added.FIRST, b.add(put(1), List.of()), "a drained batch starts over");
    }

    @Test
    void aBatchIsFullAtTheCallLimit() {
        OneWayBatch b = new OneWayBatch();
        for (int i = 1; i < OneWayBatch.MAX_CALLS; i++) {
            assertTrue(b.add(put(i % 2), List.of()) != OneWayBatch.Added.FULL);
        }
        assertEquals(OneWayBatch.Added.FULL, b.add(put(3), List.of()));
    }

    @Test
    void aBatchIsFullAtTheByteLimit() {
        OneWayBatch b = new OneWayBatch();
        assertEquals(OneWayBatch.Added.FIRST, b.add(put(1), List.of(new byte[(int) OneWayBatch.MAX_BYTES - 1])));
        assertEquals(OneWayBatch.Added.FULL, b.add(put(1), List.of(new byte[1])));
    }

    @Test
    void identicalConsecutiveRequestsAreSentOnceWithEveryCallsFrames() {
        OneWayBatch b = new OneWayBatch();
        byte[] a = {1};
        byte[] c = {2};
        byte[] d = {3};
        b.add(put(1), List.of(a));
        b.add(put(1), List.of(c));
        b.add(put(2), List.of(d));
        b.add(put(2), List.of()); // same request, different frame count: not a repeat
        OneWayBatch.Drained out = b.drain();
        assertEquals(List.of(put(1), put(2), put(2)), out.message().requests());
        assertEquals(List.of(1, 1, 0), out.message().frames());
        assertEquals(List.of(2, 1, 1), out.message().repeats());
        assertEquals(3, out.frames().size());
        assertSame(a, out.frames().get(0));
        assertSame(c, out.frames().get(1));
        assertSame(d, out.frames().get(2));
        assertTrue(b.isEmpty());
        assertNull(b.drain(), "nothing held, nothing sent");
    }

    /**
     * A worker passes its child's calls on with the arguments as parsed: Gson compares parsed
     * numbers as doubles, and two queue ids above 2^53 that differ in their low bits must stay two
     * calls (the second put went to the first queue).
     */
    @Test
    void requestsPassedOnWithLargeIdsAreNotTakenForRepeats() {
        long first = (long) Integer.MAX_VALUE << 32 | 1;
        dev.jmp.internal.wire.message.ServiceRequest a = parsedPut(first);
        dev.jmp.internal.wire.message.ServiceRequest c = parsedPut(first + 1);
        assertEquals(a, c, "Gson's equality takes them for one");
        OneWayBatch b = new OneWayBatch();
        b.add(a, List.of(new byte[] {1}));
        b.add(c, List.of(new byte[] {2}));
        b.add(parsedPut(first + 1), List.of(new byte[] {3}));
        OneWayBatch.Drained out = b.drain();
        assertEquals(List.of(1, 2), out.message().repeats());
        assertEquals("{\"id\":" + (first + 1) + ",\"timeoutMillis\":-1}", out.message().requests().get(1).args().toString());
    }

    /** The repeat check compares the argument trees exactly, whether built in this JVM or parsed. */
    @Test
    void theRepeatCheckComparesArgumentsExactly() {
        long id = (long) Integer.MAX_VALUE << 32 | 7;
        com.google.gson.JsonObject built = new com.google.gson.JsonObject();
        built.addProperty("id", id);
        built.addProperty("timeoutMillis", -1);
        var mine = new dev.jmp.internal.wire.message.ServiceRequest(0, "queue", "put", built, true);
        assertTrue(OneWayBatch.same(mine, parsedPut(id)), "built and parsed, the same call");
        assertTrue(!OneWayBatch.same(mine, parsedPut(id + 1)), "ids that differ in their low bits");
        var other = new dev.jmp.internal.wire.message.ServiceRequest(0, "queue", "get", built, true);
        assertTrue(!OneWayBatch.same(mine, other), "another operation");
        assertTrue(!OneWayBatch.same(mine, new dev.jmp.internal.wire.message.ServiceRequest(0, "queue", "put",
                com.google.gson.JsonParser.parseString("{\"id\":" + id + ",\"timeoutMillis\":[-1]}"), true)),
                "a value that is a list in one");
    }

    private static dev.jmp.internal.wire.message.ServiceRequest parsedPut(long id) {
        return new dev.jmp.internal.wire.message.ServiceRequest(0, "queue", "put",
                com.google.gson.JsonParser.parseString("{\"id\":" + id + ",\"timeoutMillis\":-1}"), true);
    }
}
