package dev.jmp.internal.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.internal.wire.message.TaskKind;
import dev.jmp.error.RemoteException;
import dev.jmp.error.WorkerStartException;
import dev.jmp.error.WorkerDiedException;
import dev.jmp.internal.serial.Values;
import dev.jmp.internal.supervisor.Dispatch;
import dev.jmp.internal.supervisor.WorkerOptions;
import dev.jmp.internal.worker.ItemProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pool's scheduling decisions, driven through fake workers: no JVM is started. */
@Timeout(300)
class PoolSchedulerTest {

    private final FakeWorkers workers = new FakeWorkers();
    private Job lastJob;

    private PoolScheduler pool(int size, int retries) {
        return new PoolScheduler(workers, size, WorkerOptions.DEFAULT, retries, Duration.ofSeconds(2), "PoolWorker-");
    }

    private CollectingSink submit(PoolScheduler pool, int items, int chunksize) {
        List<byte[]> encoded = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            encoded.add(Values.encode(i, "items[" + i + "]"));
        }
        CollectingSink sink = new CollectingSink();
        lastJob = new Job(workers.nextId(), null, TaskKind.APPLY, chunksize, ItemSource.of(encoded), sink);
        pool.submit(lastJob);
        return sink;
    }

    private FakeWorkers.Worker worker(int i) {
        return workers.started.get(i);
    }

    private static List<String> chunks(FakeWorkers.Worker w) {
        List<String> out = new ArrayList<>();
        for (Dispatch d : w.received) {
            out.add(d.firstItem() + "+" + d.items());
        }
        return out;
    }

    private static Object value(CollectingSink sink, int i) {
        return sink.done().join().get(i).value(PoolSchedulerTest.class.getClassLoader());
    }

    @Test
    void workersAreNamedAndGetNothingBeforeTheyConnect() {
        PoolScheduler pool = pool(2, 0);
        submit(pool, 4, 1);
        assertEquals(2, workers.started.size());
        assertEquals("PoolWorker-1", worker(0).name);
        assertEquals(1, worker(1).index);
        assertTrue(worker(0).received.isEmpty() && worker(1).received.isEmpty());
        assertTrue(workers.members.contains(pool), "the pool stops with its runtime");
    }

    @Test
    void eachWorkerHoldsAtMostItsCreditAndGetsMoreAsResultsReturn() {
        PoolScheduler pool = pool(2, 0);
        CollectingSink sink = submit(pool, 10, 1);
        worker(0).connect();
        assertEquals(List.of("0+1", "1+1"), chunks(worker(0)), "a connected worker fills its credit of two");
        worker(1).connect();
        assertEquals(List.of("2+1", "3+1"), chunks(worker(1)));
        worker(1).answer();
        assertEquals(List.of("2+1", "3+1", "4+1"), chunks(worker(1)), "a result frees one credit");
        assertEquals(2, worker(0).received.size(), "the other worker, still full, gets nothing");
        while (!sink.done().isDone()) {
            for (FakeWorkers.Worker w : workers.started) {
                if (!w.running.isEmpty()) {
                    w.answer();
                }
            }
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(i * 10, value(sink, i));
        }
    }

    @Test
    void aDeathMidChunkFailsOnlyTheRunningItemAndTheRestRunElsewhere() {
        PoolScheduler pool = pool(2, 0);
        worker(0).connect();
        worker(1).connect();
        CollectingSink sink = submit(pool, 6, 2);
        assertEquals(List.of("0+2"), chunks(worker(0)));
        assertEquals(List.of("2+2", "4+2"), chunks(worker(1)));
        long running = worker(1).next().taskId();
        worker(1).die(new ItemProgress.Last(running, 1, false));

        assertEquals(List.of("0+2", "2+1"), chunks(worker(0)), "the finished item whose result died runs again");
        assertEquals(3, workers.started.size(), "the dead worker is replaced");
        FakeWorkers.Worker replacement = worker(2);
        assertEquals("PoolWorker-2", replacement.name, "under the dead worker's name");
        replacement.connect();
        assertEquals(List.of("4+2"), chunks(replacement), "the chunk that never started runs on the new worker");
        worker(0).answer();
        worker(0).answer();
        replacement.answer();

        WorkerDiedException died = assertThrows(WorkerDiedException.class, () -> value(sink, 3));
        assertTrue(died.getMessage().contains("PoolWorker-2"), died.getMessage());
        for (int i : new int[] {0, 1, 2, 4, 5}) {
            assertEquals(i * 10, value(sink, i));
        }
    }

    @Test
    void cancelInterruptsRunningChunksAndKillsWorkersThatDoNotStop() {
        PoolScheduler pool = pool(2, 0);
        worker(0).connect();
        worker(1).connect();
        CollectingSink sink = submit(pool, 4, 1);
        Job job = lastJob;
        assertTrue(pool.cancel(job, new CancellationException("stop")));
        assertThrows(CancellationException.class, () -> sink.done().join());
        assertEquals(2, worker(0).cancelled.size());
        assertEquals(2, worker(1).cancelled.size());
        assertFalse(pool.cancel(job, new CancellationException("again")), "a job ends once");

        worker(0).answerCancelled();
        worker(0).answerCancelled();
        int held0 = worker(0).received.size();
        int held1 = worker(1).received.size();
        submit(pool, 2, 1);
        assertEquals(List.of("0+1", "1+1"), chunks(worker(0)).subList(held0, held0 + 2),
                "a worker that stopped gets new work");
        assertEquals(held1, worker(1).received.size(), "one still stopping gets none");
        workers.fireTimers();
        assertFalse(worker(0).killed);
        assertTrue(worker(1).killed, "past the grace period, the worker that did not stop is killed");
    }

    @Test
    void aFailedItemIsRetriedAloneUntilItsRetriesAreUsed() {
        PoolScheduler pool = pool(1, 1);
        worker(0).connect();
        CollectingSink sink = submit(pool, 3, 3);
        worker(0).answer(1);
        assertEquals(List.of("0+3", "1+1"), chunks(worker(0)), "the failed item goes again, alone");
        worker(0).answer(1);
        RemoteException x = assertThrows(RemoteException.class, () -> value(sink, 1));
        assertTrue(x.getMessage().contains("item 1"), x.getMessage());
        assertEquals(0, value(sink, 0));
        assertEquals(20, value(sink, 2));
    }

    @Test
    void workersThatKeepDyingBeforeTheyConnectBreakThePool() {
        PoolScheduler pool = pool(1, 0);
        CollectingSink sink = submit(pool, 2, 1);
        worker(0).die(null);
        worker(1).die(null);
        assertFalse(sink.done().isDone(), "two failed starts are retried");
        worker(2).die(null);
        assertEquals(3, workers.started.size(), "after the third, no worker is started again");
        WorkerStartException broken = assertInstanceOf(WorkerStartException.class,
                assertThrows(CompletionException.class, () -> sink.done().join()).getCause());
        assertTrue(broken.getMessage().contains("keep dying before they start"), broken.getMessage());
        assertEquals(0, broken.getStackTrace().length, "no trace of the thread that saw the worker die");
        WorkerStartException refused = assertThrows(WorkerStartException.class, () -> submit(pool, 1, 1));
        assertEquals(broken.getMessage(), refused.getMessage());
        assertTrue(refused.getStackTrace().length > 0, "a refused call gets the caller's own stack");
    }

    @Test
    void aWorkerThatConnectsResetsTheCountOfFailedStarts() {
        PoolScheduler pool = pool(1, 0);
        CollectingSink first = submit(pool, 1, 1);
        worker(0).die(null);
        worker(1).die(null);
        worker(2).connect();
        worker(2).answer();
        assertEquals(0, value(first, 0));
        worker(2).die(null);
        worker(3).die(null);
        worker(4).die(null);
        worker(5).connect();
        CollectingSink second = submit(pool, 1, 1);
        worker(5).answer();
        assertEquals(0, value(second, 0), "four failed starts, but never three in a row");
    }

    @Test
    void closeLetsQueuedWorkFinishThenStopsTheWorkers() {
        PoolScheduler pool = pool(1, 0);
        worker(0).connect();
        CollectingSink sink = submit(pool, 3, 1);
        pool.close();
        assertNull(worker(0).shutdownCode, "not while work remains");
        assertFalse(workers.members.contains(pool));
        worker(0).answer();
        worker(0).answer();
        worker(0).answer();
        assertEquals(20, value(sink, 2));
        assertEquals(0, worker(0).shutdownCode);
        worker(0).die(null);
        assertTrue(pool.terminated().isDone());
        assertEquals(1, workers.started.size(), "a closed pool does not replace a worker that exits idle");
    }

    /**
     * Issue 11 item 5: two jobs that fill the worker's credit at once, then close, and both
     * results come back in one message. The jobs stayed queued (all their items out) until the
     * next dispatch, which came after the check that stops the workers: they never stopped, and
     * join() waited for ever.
     */
    @Test
    void closeStopsTheWorkersWhenTheLastJobsFilledTheCredit() {
        PoolScheduler pool = pool(1, 0);
        CollectingSink first = submit(pool, 1, 1);
        CollectingSink second = submit(pool, 1, 1);
        pool.close();
        worker(0).connect();
        assertEquals(List.of("0+1", "0+1"), chunks(worker(0)));
        worker(0).answerAllAtOnce();
        assertTrue(first.done().isDone() && second.done().isDone());
        assertEquals(0, worker(0).shutdownCode, "the closed pool's work is done: its worker must stop");
        worker(0).die(null);
        assertTrue(pool.terminated().isDone());
    }

    @Test
    void aClosedRuntimeReplacesNoWorker() {
        PoolScheduler pool = pool(1, 0);
        worker(0).connect();
        CollectingSink sink = submit(pool, 3, 1);
        workers.closed = true;
        worker(0).die(null);
        assertEquals(1, workers.started.size());
        assertFalse(sink.done().isDone(), "the queued item waits: the runtime's end terminates the pool");
        assertEquals(2, sink.failed(), "the two running items died with the worker");
    }

    @Test
    void aPoolNoneOfWhoseWorkersCanStartFailsAtOnceWithTheReason() {
        workers.refuse = "this java is broken on purpose";
        WorkerStartException e = assertThrows(WorkerStartException.class, () -> pool(2, 1));
        assertTrue(e.getMessage().startsWith("the pool's workers could not start: ")
                && e.getMessage().endsWith("this java is broken on purpose"), e.getMessage());
        assertTrue(workers.started.isEmpty());
        assertTrue(workers.members.isEmpty(), "the pool is not left registered with the runtime");
        assertTrue(workers.delays.isEmpty(), "and tries nothing later");
    }

    @Test
    void aWorkerThatCannotStartWithThePoolIsTriedAgainLater() {
        workers.refuse = "ssh to node2 failed: No route to host";
        workers.refuseAfter = 1;
        pool(2, 1);
        assertEquals(1, workers.started.size(), "the pool starts with the worker that could start");
        assertEquals(List.of(SlotRegrowth.FIRST_MILLIS), workers.delays, "the other is tried later");
        workers.refuse = null;
        workers.fireTimers();
        assertEquals(2, workers.started.size());
        assertEquals("PoolWorker-2", worker(1).name, "in the slot it could not fill");
    }

    @Test
    void aReplacementThatCannotStartLeavesThePoolSmallerNotBroken() {
        PoolScheduler pool = pool(2, 1);
        worker(0).connect();
        worker(1).connect();
        CollectingSink sink = submit(pool, 4, 1);
        workers.refuse = "ssh to node1 failed: No route to host";
        long running = worker(1).next().taskId();
        worker(1).die(new ItemProgress.Last(running, 0, false));
        assertEquals(2, workers.started.size(), "no replacement could start");
        for (int k = 0; k < 4 && !sink.done().isDone(); k++) {
            worker(0).answer();
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(i * 10, value(sink, i), "item " + i + " ran on the worker left");
        }
        worker(0).die(null);
        RuntimeException broken = assertThrows(RuntimeException.class, () -> submit(pool, 1, 1),
                "with no worker left, the pool is broken");
        assertTrue(broken.getMessage().contains("No route to host"), broken.getMessage());
    }

    @Test
    void aPoolLeftSmallerByAHostThatCannotStartGrowsBackWhenItCan() {
        PoolScheduler pool = pool(2, 1);
        worker(0).connect();
        worker(1).connect();
        workers.refuse = "ssh to node2 failed: No route to host";
        worker(1).die(null);
        assertEquals(2, workers.started.size(), "no replacement could start");
        assertEquals(List.of(SlotRegrowth.FIRST_MILLIS), workers.delays, "a try is set for later");
        workers.fireTimers();
        assertEquals(2, workers.started.size(), "the host still refuses");
        assertEquals(SlotRegrowth.FIRST_MILLIS * 2, workers.delays.get(1), "the next try waits longer");
        workers.refuse = null;
        workers.fireTimers();
        assertEquals(3, workers.started.size(), "the host answers again: the slot has a worker");
        assertEquals(worker(1).name, worker(2).name, "the replacement takes the lost worker's slot");
        worker(2).connect();
        CollectingSink sink = submit(pool, 4, 1);
        assertFalse(chunks(worker(0)).isEmpty());
        assertFalse(chunks(worker(2)).isEmpty(), "the grown-back worker gets work");
        for (int turn = 0; turn < 8 && !sink.done().isDone(); turn++) {
            for (FakeWorkers.Worker w : List.of(worker(0), worker(2))) {
                if (!w.running.isEmpty()) {
                    w.answer();
                }
            }
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(i * 10, value(sink, i));
        }
        assertTrue(workers.timers.isEmpty(), "nothing more to try once the slot is filled");
    }

    @Test
    void aClosedPoolStopsTryingToGrowBack() {
        PoolScheduler pool = pool(2, 1);
        worker(0).connect();
        worker(1).connect();
        workers.refuse = "no route";
        worker(1).die(null);
        pool.close();
        workers.refuse = null;
        workers.fireTimers();
        assertEquals(2, workers.started.size(), "a closed pool with no work left starts no worker");
    }
}
