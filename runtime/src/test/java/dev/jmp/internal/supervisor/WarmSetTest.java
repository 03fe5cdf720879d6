package dev.jmp.internal.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The warm set's decisions, against a fake runtime and fake workers: no JVM is started. */
@Timeout(300)
class WarmSetTest {

    /** A worker that connects, dies or exits when the test says. */
    static final class Fake implements WarmSet.Idle, TaskWorker {
        final CompletableFuture<Fake> ready = new CompletableFuture<>();
        boolean alive = true;
        WorkerOwner owner;
        int shutdowns;

        @Override
        public CompletableFuture<Fake> ready() {
            return ready;
        }

        @Override
        public boolean isAlive() {
            return alive;
        }

        @Override
        public void setOwner(WorkerOwner newOwner) {
            owner = newOwner;
        }

        @Override
        public void shutdown(int exitCode) {
            shutdowns++;
        }

        @Override
        public long pid() {
            return 1;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public void assign(int index, String name) {
        }

        @Override
        public void run(List<Dispatch> tasks) {
        }

        @Override
        public void cancel(List<Long> taskIds) {
        }

        @Override
        public void kill() {
            alive = false;
        }

        @Override
        public void stop(String reason, boolean force) {
            alive = false;
        }
    }

    /** The runtime as the warm set sees it; work handed to {@link #execute} runs when the test says. */
    static final class Host implements WarmSet.Host<Fake> {
        int target = 2;
        boolean closed;
        boolean refuse;
        final List<Fake> spawned = new ArrayList<>();
        final List<Fake> primed = new ArrayList<>();
        final List<Runnable> work = new ArrayList<>();
        final List<Long> delays = new ArrayList<>();

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public int target() {
            return target;
        }

        @Override
        public Fake spawn(WorkerOwner owner) {
            if (refuse) {
                throw new IllegalStateException("no more processes");
            }
            Fake f = new Fake();
            f.owner = owner;
            spawned.add(f);
            return f;
        }

        @Override
        public void prime(Fake worker) {
            primed.add(worker);
        }

        @Override
        public void execute(Runnable r) {
            work.add(r);
            delays.add(0L);
        }

        @Override
        public void executeLater(Runnable r, long delayMillis) {
            work.add(r);
            delays.add(delayMillis);
        }

        void runWork() {
            List<Runnable> due = new ArrayList<>(work);
            work.clear();
            delays.clear();
            due.forEach(Runnable::run);
        }
    }

    private static final WorkerExit DIED = new WorkerExit(137, List.of("boom"), null, false, null);

    private final Host host = new Host();
    private final WarmSet<Fake> warm = new WarmSet<>(host);

    @Test
    void refillStartsUpToTheTargetAndPrimesEachWorkerOnceConnected() {
        warm.refill();
        assertEquals(2, host.spawned.size());
        assertEquals(2, warm.size());
        assertTrue(host.primed.isEmpty());
        host.spawned.get(1).ready.complete(host.spawned.get(1));
        assertEquals(List.of(host.spawned.get(1)), host.primed);
        warm.refill();
        assertEquals(2, host.spawned.size(), "already full");
    }

    @Test
    void takePrefersAConnectedWorkerThenAnyLiveOneAndRefillsInTheBackground() {
        warm.refill();
        Fake first = host.spawned.get(0);
        Fake second = host.spawned.get(1);
        second.ready.complete(second);
        WorkerOwner pool = new WarmSet<>(new Host());
        assertSame(second, warm.take(pool), "the connected one, though started later");
        assertSame(pool, second.owner);
        first.alive = false;
        assertNull(warm.take(pool), "a dead idle worker is never handed out");
        assertEquals(1, host.work.size(), "a take that hands out a worker asks for a refill, off the caller's"
                + " thread; one that finds none asks for nothing");
        assertEquals(List.of(WarmSet.REFILL_DELAY_MS), host.delays, "a little later, not competing with the"
                + " first task of the worker just taken");
        host.runWork();
        assertEquals(3, host.spawned.size(), "the dead worker still counts until its exit is seen");
    }

    @Test
    void workersDyingBeforeConnectingStopTheRefillAfterThreeFailures() {
        host.target = 1;
        warm.refill();
        for (int i = 0; i < WarmSet.MAX_FAILURES; i++) {
            Fake f = host.spawned.get(host.spawned.size() - 1);
            f.ready.completeExceptionally(new IllegalStateException("never connected"));
            f.alive = false;
            warm.onExit(f, DIED);
            host.runWork();
        }
        assertEquals(WarmSet.MAX_FAILURES, host.spawned.size(), "no fourth start: refilling stopped");
        assertEquals(0, warm.size());
        warm.recycle();
        assertEquals(WarmSet.MAX_FAILURES + 1, host.spawned.size(), "recycle forgives the failures");
    }

    @Test
    void aConnectedWorkerThatDiesIdleIsReplacedWithoutCountingAFailure() {
        host.target = 1;
        warm.refill();
        for (int i = 0; i < WarmSet.MAX_FAILURES + 2; i++) {
            Fake f = host.spawned.get(host.spawned.size() - 1);
            f.ready.complete(f);
            f.alive = false;
            warm.onExit(f, DIED);
            host.runWork();
        }
        assertEquals(WarmSet.MAX_FAILURES + 3, host.spawned.size());
        assertEquals(1, warm.size());
    }

    @Test
    void startsThatThrowCountAsFailuresAndAClosedRuntimeStartsNothing() {
        host.refuse = true;
        for (int i = 0; i < 5; i++) {
            warm.refill();
        }
        host.refuse = false;
        warm.refill();
        assertTrue(host.spawned.isEmpty(), "three refused starts stop refilling");
        Host closed = new Host();
        closed.closed = true;
        new WarmSet<>(closed).refill();
        assertTrue(closed.spawned.isEmpty());
    }

    @Test
    void trimStopsTheNewestIdleWorkersBeyondTheTargetAndRecycleReplacesAll() {
        host.target = 3;
        warm.refill();
        host.target = 1;
        warm.trim();
        assertEquals(1, warm.size());
        assertEquals(List.of(0, 1, 1), host.spawned.stream().map(f -> f.shutdowns).toList());
        assertNull(host.spawned.get(2).owner, "a trimmed worker belongs to nobody");
        warm.recycle();
        assertEquals(1, host.spawned.get(0).shutdowns);
        assertEquals(4, host.spawned.size());
        assertEquals(1, warm.size());
    }
}
