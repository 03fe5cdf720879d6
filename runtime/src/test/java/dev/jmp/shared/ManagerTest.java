package dev.jmp.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.Jmp;
import dev.jmp.WorkerTracking;
import dev.jmp.error.ManagerClosedException;
import dev.jmp.error.RemoteException;
import dev.jmp.error.SerializationException;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The manager's semantics from the parent's own threads (the same service and protocol objects
 * workers use, without the wire): errors, timeouts, shutdown, map and list operations.
 */
@Timeout(300)
class ManagerTest extends WorkerTracking {

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
    void mapIsAConcurrentMapWithAtomicFunctions() {
        SharedMap<String, Integer> map = m.dict();
        assertEquals(null, map.put("a", 1));
        assertEquals(1, map.put("a", 2));
        assertEquals(2, map.putIfAbsent("a", 9));
        assertEquals(null, map.putIfAbsent("b", 5));
        assertEquals(7, map.merge("a", 5, Integer::sum));
        assertEquals(1, map.merge("new", 1, Integer::sum));
        assertEquals(8, map.compute("a", (k, v) -> v + 1));
        assertEquals(3, map.computeIfAbsent("abc", String::length));
        assertEquals(3, map.computeIfAbsent("abc", k -> 99));
        assertEquals(null, map.computeIfPresent("zzz", (k, v) -> 1));
        assertTrue(map.replace("b", 5, 6));
        assertFalse(map.replace("b", 5, 7));
        assertEquals(6, map.replace("b", 10));
        assertTrue(map.remove("b", 10));
        assertEquals(null, map.compute("new", (k, v) -> null));
        assertEquals(Map.of("a", 8, "abc", 3), map.snapshot());
        map.replaceAll((k, v) -> v * 10);
        assertEquals(Map.of("a", 80, "abc", 30), map);
        assertEquals(List.of("a", "abc"), List.copyOf(map.keySet()));
        assertTrue(map.containsKey("a") && map.containsValue(30) && !map.containsKey("b"));
        assertEquals(2, map.size());
        assertEquals(5, map.getOrDefault("none", 5));
        map.clear();
        assertTrue(map.isEmpty());
        assertEquals(null, map.put("x", null), "a shared map holds null values (issue 11 item 15)");
        assertTrue(map.containsKey("x"));
    }

    @Test
    void userFunctionFailureKeepsItsRemoteTraceAndLeavesTheMap() {
        SharedMap<String, Integer> map = m.dict();
        map.put("k", 1);
        RemoteException e = assertThrows(RemoteException.class, () -> map.compute("k", (k, v) -> v / (v - 1)));
        assertEquals("java.lang.ArithmeticException", e.remoteClassName());
        assertEquals(1, map.get("k"));
    }

    @Test
    void unserializableValuesAndFunctionsAreNamed() {
        SharedMap<String, Object> map = m.dict();
        SerializationException v = assertThrows(SerializationException.class, () -> map.put("k", new Thread()));
        assertTrue(v.getMessage().contains("java.lang.Thread"), v.getMessage());
        BiFunction<Object, Object, Object> plain = new BiFunction<>() {
            @Override
            public Object apply(Object a, Object b) {
                return a;
            }
        };
        SerializationException f = assertThrows(SerializationException.class, () -> map.merge("k", 1, plain));
        assertTrue(f.getMessage().contains(plain.getClass().getName()), f.getMessage());
        SharedMap<String, Object> cell = map;
        Object unsendable = new Object();
        SerializationException r = assertThrows(SerializationException.class,
                () -> cell.compute("k", (k, old) -> List.of(unsendable)));
        assertTrue(r.getMessage().contains("java.lang.Object"), r.getMessage());
        assertFalse(map.containsKey("k"));
    }

    @Test
    void listOperationsAreAtomicAndIterationUsesASnapshot() {
        SharedList<String> list = m.list();
        list.add("b");
        list.add(0, "a");
        list.addAll(List.of("c", "d", "c"));
        assertEquals(List.of("a", "b", "c", "d", "c"), list);
        assertEquals(4, list.lastIndexOf("c"));
        assertEquals("b", list.set(1, "B"));
        assertTrue(list.remove("c"));
        assertEquals("a", list.remove(0));
        list.replaceAll(s -> s + s);
        list.sort(null);
        assertEquals(List.of("BB", "cc", "dd"), list.snapshot());
        StringBuilder seen = new StringBuilder();
        for (String s : list) {
            list.add("more");
            seen.append(s);
        }
        assertEquals("BBccdd", seen.toString());
        assertEquals(6, list.size());
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(100));
        assertTrue(list.stream().anyMatch("more"::equals));
    }

    @Test
    void namespaceValueAndCounter() {
        SharedNamespace ns = m.namespace();
        ns.set("x", 1);
        assertEquals(1, (int) ns.get("x"));
        assertEquals("d", ns.get("missing", "d"));
        assertThrows(java.util.NoSuchElementException.class, () -> ns.get("missing"));
        SharedValue<String> v = m.value("a");
        assertTrue(v.compareAndSet("a", "b"));
        assertFalse(v.compareAndSet("a", "c"));
        assertEquals("bx", v.updateAndGet(s -> s + "x"));
        SharedCounter c = m.counter(5);
        assertEquals(6, c.incrementAndGet());
        assertEquals(6, c.getAndAdd(4));
        assertTrue(c.compareAndSet(10, 1));
        assertEquals(8, c.updateAndGet(x -> x * 8));
    }

    @Test
    void releasingALockYouDoNotHoldIsIllegalMonitorState() throws Exception {
        SharedLock lock = m.lock();
        assertThrows(IllegalMonitorStateException.class, lock::unlock);
        lock.lock();
        CompletableFuture<Throwable> other = CompletableFuture.supplyAsync(() -> {
            try {
                lock.unlock();
                return null;
            } catch (IllegalMonitorStateException e) {
                return e;
            }
        });
        Throwable e = other.get();
        assertTrue(e instanceof IllegalMonitorStateException && e.getMessage().contains("held by"), String.valueOf(e));
        IllegalStateException again = assertThrows(IllegalStateException.class, lock::lock);
        assertTrue(again.getMessage().contains("not reentrant"), again.getMessage());
        assertFalse(lock.tryLock());
        lock.unlock();
        assertThrows(IllegalMonitorStateException.class, lock::unlock);
        SharedCondition c = lock.newCondition();
        assertThrows(IllegalMonitorStateException.class, c::signal);
        assertThrows(IllegalMonitorStateException.class, c::await);
    }

    @Test
    void rlockCountsHolds() throws Exception {
        SharedRLock r = m.rlock();
        r.lock();
        r.lock();
        assertEquals(2, r.getHoldCount());
        assertFalse(CompletableFuture.supplyAsync(r::tryLock).get());
        r.unlock();
        assertTrue(r.isLocked());
        r.unlock();
        assertFalse(r.isLocked());
        assertTrue(CompletableFuture.supplyAsync(() -> {
            boolean got = r.tryLock();
            r.unlock();
            return got;
        }).get());
    }

    @Test
    void timeoutsGiveTheirDefinedResults() throws Exception {
        SharedEvent e = m.event();
        assertFalse(e.await(Duration.ofMillis(100)));
        e.set();
        assertTrue(e.await(Duration.ofMillis(100)));
        SharedBarrier b = m.barrier(2);
        assertThrows(TimeoutException.class, () -> b.await(Duration.ofMillis(100)));
        assertTrue(b.isBroken());
        assertThrows(BrokenBarrierException.class, b::await);
        b.reset();
        assertFalse(b.isBroken());
        SharedBarrier timed = m.barrier(2, Duration.ofMillis(100));
        assertThrows(TimeoutException.class, timed::await);
        SharedLock lock = m.lock();
        SharedCondition c = lock.newCondition();
        lock.lock();
        assertThrows(TimeoutException.class, () -> c.await(Duration.ofMillis(100)));
        assertTrue(lock.isHeldByCurrentThread(), "await returns holding the lock, even on timeout");
        assertFalse(c.await(50, java.util.concurrent.TimeUnit.MILLISECONDS));
        lock.unlock();
        assertFalse(CompletableFuture.supplyAsync(() -> {
            lock.lock();
            return false;
        }).get() && lock.tryLock(Duration.ofMillis(100)), "a held lock times out");
        SharedQueue<String> q = m.queue(1);
        assertTrue(q.offer("a"));
        assertFalse(q.offer("b", Duration.ofMillis(50)));
        assertEquals("a", q.poll(Duration.ofMillis(50)));
        assertEquals(null, q.poll(Duration.ofMillis(50)));
    }

    @Test
    void boundedSemaphoreRefusesOverRelease() throws Exception {
        SharedSemaphore s = m.boundedSemaphore(2);
        s.acquire();
        s.release();
        IllegalStateException e = assertThrows(IllegalStateException.class, s::release);
        assertTrue(e.getMessage().contains("bounded"), e.getMessage());
        assertEquals(2, s.availablePermits());
        SharedSemaphore plain = m.semaphore(0);
        plain.release();
        assertTrue(plain.tryAcquire());
        assertFalse(plain.tryAcquire(Duration.ofMillis(50)));
        assertThrows(IllegalArgumentException.class, () -> m.semaphore(-1));
    }

    @Test
    void interruptedWaitersLeaveNothingBehind() throws Exception {
        SharedLock lock = m.lock();
        lock.lock();
        CompletableFuture<Thread> waiter = new CompletableFuture<>();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            waiter.complete(Thread.currentThread());
            try {
                lock.lockInterruptibly();
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        t.start();
        waiter.get();
        Thread.sleep(100);
        t.interrupt();
        assertTrue(outcome.get() instanceof InterruptedException, String.valueOf(outcome.get()));
        lock.unlock();
        assertTrue(lock.tryLock(), "the interrupted waiter did not keep the lock");
        lock.unlock();
    }

    @Test
    void useAfterShutdownIsAClearError() throws Exception {
        SharedMap<String, Integer> map = m.dict();
        SharedEvent e = m.event();
        CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                e.await();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        while (!waiting.isDone() && e.isSet()) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        m.shutdown();
        assertTrue(waiting.get() instanceof ManagerClosedException, String.valueOf(waiting.get()));
        ManagerClosedException x = assertThrows(ManagerClosedException.class, () -> map.get("k"));
        assertTrue(x.getMessage().contains("shut down"), x.getMessage());
        m.shutdown();
        Jmp.shutdown();
        ManagerClosedException y = assertThrows(ManagerClosedException.class, () -> map.put("k", 1));
        assertTrue(y.getMessage().contains("runtime"), y.getMessage());
    }

    @Test
    void proxiesAreSerializableReferences() throws Exception {
        SharedMap<String, Integer> map = m.dict();
        Object copy = dev.jmp.internal.serial.Values.decode(dev.jmp.internal.serial.Values.encode(map, "map"),
                getClass().getClassLoader());
        @SuppressWarnings("unchecked")
        SharedMap<String, Integer> other = (SharedMap<String, Integer>) copy;
        other.put("via copy", 1);
        assertEquals(1, map.get("via copy"));
        assertTrue(map instanceof Serializable);
    }
    @Test
    void managerArraysHaveTheSharedArrayApiAndClearErrors() {
        SharedIntArray ints = m.intArray(4);
        assertEquals(4, ints.length());
        assertEquals(5, ints.addAndGet(1, 5));
        assertEquals(Integer.MIN_VALUE, ints.addAndGet(2, Integer.MAX_VALUE) + ints.addAndGet(2, 1) - Integer.MAX_VALUE);
        assertTrue(ints.compareAndSet(0, 0, 7));
        assertFalse(ints.compareAndSet(0, 0, 8));
        assertEquals(7, ints.getAndSet(0, 1));
        ints.set(0, new int[] {10, 11});
        ints.fill(3, 4, -1);
        assertEquals(List.of(10, 11, Integer.MIN_VALUE, -1), java.util.Arrays.stream(ints.toArray()).boxed().toList());
        SharedLongArray longs = m.longArray(2);
        assertEquals(1L << 40, longs.addAndGet(1, 1L << 40));
        assertEquals(List.of(0L, 1L << 40), java.util.Arrays.stream(longs.toArray()).boxed().toList());
        SharedDoubleArray ds = m.doubleArray(3);
        assertEquals(0.5, ds.addAndGet(2, 0.5));
        assertTrue(ds.compareAndSet(2, 0.5, -0.0));
        assertFalse(ds.compareAndSet(2, 0.0, 1.0), "CAS compares bit patterns, as the mapped array does");
        ds.set(0, new double[] {1.5, 2.5});
        assertEquals(4.0, ds.get(0) + ds.get(1));

        assertThrows(IndexOutOfBoundsException.class, () -> ints.get(4));
        assertThrows(IndexOutOfBoundsException.class, () -> ints.set(3, new int[] {1, 2}));
        assertThrows(IndexOutOfBoundsException.class, () -> ds.toArray(2, 5));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> m.intArray(0));
        assertTrue(bad.getMessage().contains("at least 1"), bad.getMessage());
        ints.close();
        assertThrows(IllegalStateException.class, () -> ints.get(0));
        m.shutdown();
        ManagerClosedException gone = assertThrows(ManagerClosedException.class, () -> ds.get(0));
        assertTrue(gone.getMessage().contains("shut down"), gone.getMessage());
    }
    @Test
    void aBargingLockStillServesItsWaiter() throws Exception {
        SharedLock lock = m.lock();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong cycles = new java.util.concurrent.atomic.AtomicLong();
        Thread hammer = new Thread(() -> {
            while (!stop.get()) {
                lock.lock();
                cycles.incrementAndGet();
                lock.unlock();
            }
        });
        hammer.start();
        try {
            while (cycles.get() < 100) {
                Thread.onSpinWait();
            }
            for (int i = 0; i < 5; i++) {
                assertTrue(lock.tryLock(Duration.ofSeconds(300)),
                        "a waiter gets a lock that another thread re-takes in a tight loop");
                lock.unlock();
            }
        } finally {
            stop.set(true);
            hammer.join();
        }
    }
}
