package dev.jmp.internal.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(300)
class LaunchQueueTest {

    @Test
    void atMostTheLimitHoldASlotAndTheRestWaitInOrder() {
        List<Integer> began = new ArrayList<>();
        LaunchQueue q = new LaunchQueue(2, Runnable::run);
        List<LaunchQueue.Slot> slots = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            slots.add(q.submit(inline -> began.add(n)));
        }
        assertEquals(List.of(0, 1), began, "two start at once");
        assertEquals(2, q.holding());
        assertEquals(4, q.waiting());
        slots.get(1).release();
        assertEquals(List.of(0, 1, 2), began, "a freed slot goes to the first that waits");
        slots.get(1).release();
        assertEquals(List.of(0, 1, 2), began, "releasing twice frees one slot");
        slots.get(0).release();
        slots.get(2).release();
        assertEquals(List.of(0, 1, 2, 3, 4), began);
        assertEquals(2, q.holding());
        assertEquals(1, q.waiting());
    }

    @Test
    void aStartThatThrowsFreesItsSlotAndTheCallerSeesTheError() {
        List<Integer> began = new ArrayList<>();
        LaunchQueue q = new LaunchQueue(1, Runnable::run);
        IllegalStateException boom = new IllegalStateException("no java");
        IllegalStateException seen = assertThrows(IllegalStateException.class, () -> q.submit(inline -> {
            throw boom;
        }));
        assertSame(boom, seen);
        assertEquals(0, q.holding(), "the failed start gave its slot back");
        q.submit(inline -> began.add(1));
        assertEquals(List.of(1), began);
    }

    @Test
    void aWaitingStartThatThrowsFreesItsSlotForTheNext() {
        List<Integer> began = new ArrayList<>();
        LaunchQueue q = new LaunchQueue(1, Runnable::run);
        LaunchQueue.Slot first = q.submit(inline -> began.add(0));
        q.submit(inline -> {
            throw new IllegalStateException("cannot launch");
        });
        q.submit(inline -> began.add(2));
        first.release();
        assertEquals(List.of(0, 2), began, "the third started after the second failed");
        assertEquals(1, q.holding());
    }

    @Test
    void aCancelledStartNeverRunsAndABegunOneCannotBeCancelled() {
        List<Integer> began = new ArrayList<>();
        LaunchQueue q = new LaunchQueue(1, Runnable::run);
        LaunchQueue.Slot first = q.submit(inline -> began.add(0));
        LaunchQueue.Slot second = q.submit(inline -> began.add(1));
        q.submit(inline -> began.add(2));
        assertFalse(first.cancel(), "it began");
        assertTrue(second.cancel());
        assertFalse(second.cancel(), "only once");
        assertFalse(second.began());
        second.release();
        assertEquals(List.of(0), began, "releasing a start that never began frees nothing");
        first.release();
        assertEquals(List.of(0, 2), began);
    }

    @Test
    void concurrentStartsNeverExceedTheLimit() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            LaunchQueue q = new LaunchQueue(3, pool);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            List<Integer> order = new CopyOnWriteArrayList<>();
            ExecutorService releasers = Executors.newFixedThreadPool(4);
            int n = 40;
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(n);
            for (int i = 0; i < n; i++) {
                int k = i;
                LaunchQueue.Slot[] self = new LaunchQueue.Slot[1];
                java.util.concurrent.CountDownLatch known = new java.util.concurrent.CountDownLatch(1);
                self[0] = q.submit(inline -> {
                    order.add(k);
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    releasers.execute(() -> {
                        try {
                            known.await();
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        running.decrementAndGet();
                        done.countDown();
                        self[0].release();
                    });
                });
                known.countDown();
            }
            assertTrue(done.await(300, TimeUnit.SECONDS));
            assertTrue(most.get() <= 3, "at most 3 at once, saw " + most.get());
            assertEquals(n, order.size(), "every start ran");
            releasers.shutdownNow();
        } finally {
            pool.shutdownNow();
        }
    }
}
