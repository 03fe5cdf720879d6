package dev.jmp.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.AsyncResult;
import dev.jmp.Pool;
import dev.jmp.Process;
import dev.jmp.Queue;
import dev.jmp.WorkerTracking;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11 items 13 to 15 with real worker JVMs, written as the Python tutorials write them:
 * synchronisation objects made without a manager and used from children, a value's and an
 * array's {@code getLock()} shared by every process, nulls and initial contents in shared maps
 * and lists, typed arguments and void bodies for processes and pools.
 */
@Timeout(300)
class PythonShapedIT extends WorkerTracking {

    private static final Duration WAIT = Duration.ofSeconds(300);

    private static Process ok(Process p) {
        p.join();
        assertEquals(0, p.exitCode(), () -> p + " failed: " + p.exception() + " " + p.lastStderr());
        return p;
    }

    /** Adds one {@code times} times with a read and a separate write, which only the lock makes exact. */
    static void addUnderLock(SharedLock lock, SharedInt total, int times) {
        for (int i = 0; i < times; i++) {
            lock.lock();
            try {
                int seen = total.get();
                Thread.yield();
                total.set(seen + 1);
            } finally {
                lock.unlock();
            }
        }
    }

    @Test
    void aLockMadeWithoutAManagerExcludesAcrossProcesses() throws Exception {
        SharedLock lock = Shared.lock();
        try (SharedInt total = Shared.intValue(0); Pool pool = new Pool(2)) {
            List<AsyncResult<Void>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.applyAsync(() -> addUnderLock(lock, total, 300)));
            }
            addUnderLock(lock, total, 300);
            for (AsyncResult<Void> r : runs) {
                assertNull(r.get(WAIT));
            }
            assertEquals(1200, total.get());
        }
    }

    @Test
    void anEventSetInAChildIsSeenInTheParent() throws Exception {
        SharedEvent started = Shared.event();
        SharedEvent go = Shared.event();
        Process child = new Process((s, g) -> {
            s.set();
            if (!g.await(Duration.ofSeconds(300))) {
                throw new IllegalStateException("go never came");
            }
        }, started, go).start();
        assertTrue(started.await(WAIT), "the child's set reached the parent");
        go.set();
        ok(child);
    }

    @Test
    void semaphoreBarrierAndConditionWorkFromChildren() throws Exception {
        SharedSemaphore permits = Shared.boundedSemaphore(1);
        SharedBarrier both = Shared.barrier(2);
        SharedValue<String> note = Shared.value(null);
        Process child = new Process(b -> {
            b.await();
            permits.acquire();
            note.set("child had the permit");
            permits.release();
        }, both).start();
        both.await();
        ok(child);
        assertEquals("child had the permit", note.get());
        assertTrue(permits.tryAcquire(), "the child gave the permit back");
    }

    @Test
    void getLockIsOneLockInEveryProcess() throws Exception {
        try (SharedLong v = Shared.longValue(0); SharedIntArray a = Shared.intArray(0, 0)) {
            SharedRLock held = v.getLock();
            held.lock();
            try {
                Process p = new Process(() -> v.getLock().tryLock() ? "free" : "held").start();
                ok(p);
                assertEquals("held", p.result(), "the child's getLock() is the lock the parent holds");
            } finally {
                held.unlock();
            }
            try (Pool pool = new Pool(2)) {
                List<AsyncResult<Void>> runs = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    runs.add(pool.applyAsync(() -> {
                        for (int k = 0; k < 200; k++) {
                            SharedRLock lock = a.getLock();
                            lock.lock();
                            try {
                                int seen = a.get(1);
                                Thread.yield();
                                a.set(1, seen + 1);
                            } finally {
                                lock.unlock();
                            }
                        }
                    }));
                }
                for (AsyncResult<Void> r : runs) {
                    r.get(WAIT);
                }
            }
            assertEquals(400, a.get(1));
        }
    }

    @Test
    void nullsInSharedMapsAndListsCrossProcesses() throws Exception {
        try (Manager m = new Manager()) {
            SharedMap<String, String> map = m.dict();
            SharedList<String> list = m.list();
            ok(new Process((d, l) -> {
                d.put("none", null);
                l.add(null);
                l.add("after");
            }, map, list).start());
            assertTrue(map.containsKey("none"));
            assertNull(map.get("none"));
            assertEquals(Arrays.asList(null, "after"), new ArrayList<>(list));
            map.put("fromParent", null);
            Process reader = new Process(() -> map.containsKey("fromParent") && map.get("fromParent") == null
                    && list.get(0) == null).start();
            ok(reader);
            assertEquals(true, reader.result());
        }
    }

    @Test
    void initialContentsReachChildren() throws Exception {
        try (Manager m = new Manager(); Pool pool = new Pool(1)) {
            SharedMap<String, Integer> ages = m.dict(Map.of("ann", 31, "bob", 42));
            SharedList<Integer> tens = m.list(IntStream.range(0, 10).boxed().toList());
            SharedIntArray abc = m.intArray(0, 1, 2);
            // Typed arguments: no Object[] and no casts of args[0].
            int both = pool.apply(d -> d.get("ann") + d.get("bob"), ages);
            assertEquals(73, both);
            int sum = pool.apply(l -> l.stream().mapToInt(Integer::intValue).sum(), tens);
            assertEquals(45, sum);
            int three = pool.applyAsync((arr, k) -> arr.get(1) + arr.get(2) + k, abc, 0).get(WAIT);
            assertEquals(3, three);
            assertEquals("ann=31", pool.apply((d, who) -> who + "=" + d.get(who), ages, "ann"));
            pool.apply(() -> {
                abc.set(0, 9);
            });
            assertArrayEquals(new int[] {9, 1, 2}, abc.toArray());
        }
    }

    @Test
    void processTargetsTakeTypedArgumentsAndVoidBodies() throws Exception {
        Queue<String> q = new Queue<>();
        ok(new Process(out -> out.put("one argument"), q).start());
        assertEquals("one argument", q.get(WAIT));
        ok(new Process((out, word) -> out.put(word + "!"), q, "two").start());
        assertEquals("two!", q.get(WAIT));
        ok(new Process(() -> {
            q.put("a void body");
        }).start());
        assertEquals("a void body", q.take());
    }
}
