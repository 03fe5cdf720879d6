package dev.jmp.internal.supervisor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonPrimitive;
import dev.jmp.internal.service.ServiceCall;
import dev.jmp.internal.wire.message.ServiceBatch;
import dev.jmp.internal.wire.message.ServiceRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A worker's batch of one-way calls back into calls, and a batch that does not add up refused whole. */
@Timeout(300)
class BatchUnpackerTest {

    private static ServiceRequest put(String op) {
        return new ServiceRequest(0, "jmp.queue", op, new JsonPrimitive(1), true);
    }

    private static List<byte[]> frames(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new byte[] {(byte) i});
        }
        return out;
    }

    @Test
    void eachRequestStandsForItsRepeatsEachWithItsOwnFrames() {
        ServiceBatch b = new ServiceBatch(List.of(put("put"), put("close")), List.of(2, 0), List.of(3, 1));
        List<ServiceCall> calls = BatchUnpacker.calls("w1", b, frames(6));
        assertEquals(4, calls.size());
        assertEquals(List.of("put", "put", "put", "close"), calls.stream().map(ServiceCall::op).toList());
        assertArrayEquals(new byte[] {4}, calls.get(2).frames().get(0), "the third put took frames 4 and 5");
        assertTrue(calls.get(3).frames().isEmpty());
        assertTrue(calls.stream().allMatch(c -> c.isOneWay() && "w1".equals(c.peer())));
    }

    @Test
    void countsThatDoNotAddUpAreRefusedBeforeAnyCallIsMade() {
        ServiceBatch tooFew = new ServiceBatch(List.of(put("put")), List.of(2), List.of(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchUnpacker.calls("w1", tooFew, frames(5)));
        assertEquals("a service batch from w1 describes 6 data frames but carries 5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BatchUnpacker.calls("w1",
                new ServiceBatch(List.of(put("put")), List.of(1), List.of(-1)), frames(0)));
        assertThrows(IllegalArgumentException.class, () -> BatchUnpacker.calls("w1",
                new ServiceBatch(List.of(put("put")), List.of(1, 1), List.of(1)), frames(1)));
        assertThrows(IllegalArgumentException.class, () -> BatchUnpacker.calls("w1",
                new ServiceBatch(List.of(put("put")), Arrays.asList((Integer) null), List.of(1)), frames(1)));
    }
}
