package dev.jmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.error.RemoteException;
import dev.jmp.spi.ItemTiming;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link ResultIterator#lastTiming()}: where and when each item ran, with real worker JVMs. */
@Timeout(300)
class ItemTimingIT extends WorkerTracking {

    @Test
    void everyItemKnowsItsWorkerAndSpanAlsoWhenItFails() {
        long before = ItemTiming.nowMicros();
        Map<Long, ItemTiming> timings = new HashMap<>();
        try (Pool pool = Pool.builder().processes(2).namePrefix("timed-w").build();
             ResultIterator<Integer> it = pool.imapUnordered((Integer x) -> {
                 Thread.sleep(60);
                 if (x == 3) {
                     throw new IllegalStateException("three");
                 }
                 return x;
             }, List.of(0, 1, 2, 3), 1)) {
            for (int i = 0; i < 4; i++) {
                try {
                    it.next();
                } catch (RemoteException e) {
                    assertEquals(3, it.lastIndex());
                    assertInstanceOf(RemoteException.class, e);
                }
                timings.put(it.lastIndex(), it.lastTiming());
            }
            assertThrows(java.util.NoSuchElementException.class, it::next);
            List<Long> pids = pool.pids();
            long after = ItemTiming.nowMicros();
            assertEquals(4, timings.size());
            for (Map.Entry<Long, ItemTiming> e : timings.entrySet()) {
                ItemTiming t = e.getValue();
                assertNotNull(t, "item " + e.getKey());
                assertTrue(t.worker().equals("timed-w1") || t.worker().equals("timed-w2"), t.toString());
                assertTrue(pids.contains(t.pid()), t + " not in " + pids);
                assertTrue(t.micros() >= 55_000, "the item slept 60 ms: " + t);
                assertTrue(t.startMicros() >= before && t.endMicros() <= after, t.toString());
                assertEquals(1, t.chunkItems());
            }
        }
    }
}
