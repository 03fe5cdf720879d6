package dev.jmp.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.WorkerTracking;
import dev.jmp.error.QueueEmptyException;
import dev.jmp.error.QueueFullException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11 items 14, 15 and 17 from the parent's own threads: shared maps and lists hold nulls,
 * managers take initial contents, synchronisation objects need no manager, and the two queues
 * share one vocabulary.
 */
@Timeout(300)
class ContentsAndNullsTest extends WorkerTracking {

    private Manager m;

    @BeforeEach
    void start() {
        m = new Manager();
    }

    @AfterEach
    void stop() {
        m.shutdown();
    }

    @Test
    void aSharedMapHoldsNullKeysAndValuesAsADictHoldsNone() {
        SharedMap<String, Integer> map = m.dict();
        assertNull(map.put("none", null));
        assertTrue(map.containsKey("none"));
        assertTrue(map.containsValue(null));
        assertNull(map.get("none"));
        assertNull(map.getOrDefault("none", 7), "a key mapped to null is present");
        assertEquals(7, map.getOrDefault("absent", 7));
        assertNull(map.put(null, 1));
        assertEquals(1, map.get(null));
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("none", null);
        expected.put(null, 1);
        assertEquals(expected, map.snapshot());
        map.replaceAll((k, v) -> null);
        assertNull(map.get(null));
        assertTrue(map.containsKey(null));
        Map<String, Integer> more = new LinkedHashMap<>();
        more.put("x", null);
        map.putAll(more);
        assertTrue(map.containsKey("x"));
        assertTrue(map.remove("x", null));
        assertFalse(map.containsKey("x"));
        assertEquals(5, map.merge("none", 5, Integer::sum), "merge treats a null value as absent, as Map does");
        NullPointerException npe = assertThrows(NullPointerException.class, () -> map.merge("y", null, Integer::sum));
        assertTrue(npe.getMessage().contains("put(key, null)"), npe.getMessage());
    }

    @Test
    void aSharedListHoldsNulls() {
        SharedList<String> list = m.list();
        list.add(null);
        list.add("a");
        assertNull(list.get(0));
        assertTrue(list.contains(null));
        assertEquals(0, list.indexOf(null));
        assertEquals(Arrays.asList(null, "a"), new ArrayList<>(list));
        assertNull(list.set(0, "z"));
    }

    @Test
    void managersTakeInitialContents() {
        Map<String, Integer> initial = new LinkedHashMap<>();
        initial.put("b", 2);
        initial.put("a", 1);
        initial.put("n", null);
        SharedMap<String, Integer> dict = m.dict(initial);
        assertEquals(initial, dict.snapshot());
        assertEquals(List.of("b", "a", "n"), new ArrayList<>(dict.keySet()), "insertion order is kept");
        assertEquals(Map.of("k", 1), m.map(Map.of("k", 1)).snapshot());
        SharedList<Integer> range = m.list(IntStream.range(0, 10).boxed().toList());
        assertEquals(IntStream.range(0, 10).boxed().toList(), new ArrayList<>(range));
        assertEquals(Arrays.asList(1, null), new ArrayList<>(m.list(Arrays.asList(1, null))));
        assertArrayEquals(new int[] {0, 1, 2}, m.intArray(0, 1, 2).toArray());
        assertEquals(3, m.intArray(3).length(), "one int alone is a length, as Array('i', 3)");
        assertArrayEquals(new int[] {5}, m.intArray(new int[] {5}).toArray());
        assertArrayEquals(new long[] {7L, 8L}, m.longArray(7L, 8L).toArray());
        assertArrayEquals(new double[] {0.5, 1.5}, m.doubleArray(0.5, 1.5).toArray());
        assertArrayEquals(new int[] {4, 5, 6}, Shared.intArray(4, 5, 6).toArray());
        IllegalArgumentException noMap = assertThrows(IllegalArgumentException.class, () -> m.dict(null));
        assertTrue(noMap.getMessage().contains("dict()"), noMap.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.list(null));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> m.intArray(new int[0]));
        assertTrue(none.getMessage().contains("at least 1"), none.getMessage());
    }

    @Test
    void synchronisationNeedsNoManager() throws Exception {
        SharedLock lock = Shared.lock();
        assertTrue(lock.tryLock());
        lock.unlock();
        SharedRLock rlock = Shared.rlock();
        rlock.lock();
        rlock.lock();
        rlock.unlock();
        rlock.unlock();
        SharedSemaphore sem = Shared.semaphore(1);
        assertTrue(sem.tryAcquire());
        assertFalse(sem.tryAcquire());
        SharedSemaphore bounded = Shared.boundedSemaphore(1);
        assertThrows(IllegalStateException.class, bounded::release);
        SharedEvent event = Shared.event();
        assertFalse(event.isSet());
        event.set();
        assertTrue(event.isSet());
        SharedCondition cond = Shared.condition();
        assertTrue(cond.toString().length() > 0);
        SharedBarrier barrier = Shared.barrier(1);
        assertEquals(0, barrier.await());
        assertEquals(41, Shared.value(40).updateAndGet(v -> v + 1));
    }

    @Test
    void aValueAndAnArrayHaveOneLockEach() throws Exception {
        try (SharedInt v = Shared.intValue(0); SharedIntArray a = Shared.intArray(0, 1)) {
            SharedRLock lock = v.getLock();
            assertEquals(lock, v.getLock(), "get_lock() gives the same lock every time");
            assertFalse(lock.equals(a.getLock()), "another value has another lock");
            lock.lock();
            try {
                v.set(v.get() + 1);
            } finally {
                lock.unlock();
            }
            assertEquals(1, v.get());
        }
    }

    @Test
    void bothQueuesSpeakBothVocabularies() throws Exception {
        SharedQueue<String> shared = m.queue(1);
        assertTrue(shared.empty());
        shared.putNowait("a");
        assertTrue(shared.full());
        assertEquals(1, shared.qsize());
        assertThrows(QueueFullException.class, () -> shared.putNowait("b"));
        assertThrows(QueueFullException.class, () -> shared.put("b", Duration.ofMillis(10)));
        assertEquals("a", shared.get());
        assertThrows(QueueEmptyException.class, shared::getNowait);
        assertThrows(QueueEmptyException.class, () -> shared.get(Duration.ofMillis(10)));
        shared.put("c", Duration.ofSeconds(300));
        assertEquals("c", shared.get(Duration.ofSeconds(300)));
        assertEquals(1, shared.maxsize());

        dev.jmp.Queue<String> queue = new dev.jmp.Queue<>(1);
        assertTrue(queue.isEmpty());
        assertTrue(queue.offer("x"));
        assertFalse(queue.offer("y"));
        assertFalse(queue.offer("y", Duration.ofMillis(10)));
        assertEquals(1, queue.size());
        assertEquals("x", queue.take());
        assertNull(queue.poll());
        assertNull(queue.poll(Duration.ofMillis(10)));
        queue.put("z");
        assertEquals("z", queue.poll(Duration.ofSeconds(300)));
    }

    @Test
    void theImplicitManagerIsOnePerRuntime() {
        assertEquals(ImplicitManager.get().id(), ImplicitManager.get().id());
    }
}
