package dev.jmp.internal.pool;

import dev.jmp.error.WorkerStartException;
import dev.jmp.internal.supervisor.RuntimeMember;
import dev.jmp.internal.supervisor.WorkerExit;
import dev.jmp.internal.supervisor.TaskWorker;
import dev.jmp.internal.supervisor.TaskWorkers;
import dev.jmp.internal.supervisor.WorkerOptions;
import dev.jmp.internal.supervisor.WorkerOwner;
import dev.jmp.internal.wire.message.TaskOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Schedules a pool's jobs on its workers. Jobs are cut into chunks when dispatched; each worker
 * holds at most its credit of chunks, so none idles and none hoards. Without an explicit chunk
 * size, chunks grow until one takes about 5 ms (see {@link ChunkPolicy}; measured from what the
 * workers report), capped so every worker still gets a share. A worker that dies is replaced;
 * its chunks are retried if the job allows, otherwise their items fail with a worker-died error.
 */
public final class PoolScheduler implements WorkerOwner, RuntimeMember {

    private static final System.Logger LOG = System.getLogger(PoolScheduler.class.getName());

    private enum State { RUNNING, CLOSED, TERMINATED }

    private final TaskWorkers workers;
    private final WorkerOptions options;
    private final int size;
    private final Duration grace;
    private final String namePrefix;
    private final Map<TaskWorker, WorkerSlot> slots = new LinkedHashMap<>();
    private final SlotRegrowth regrowth;
    private final ChunkPolicy policy = new ChunkPolicy();
    private final PendingWork work;
    private final ChunkDispatch chunks;
    private final PoolTermination termination = new PoolTermination();
    private State state = State.RUNNING;
    private final StartupFailures startups = new StartupFailures();
    private RuntimeException broken;

    /**
     * Creates the scheduler and starts (or takes from the warm set) its workers.
     *
     * @param workers where its workers come from: the pool's runtime, or a test's fake
     */
    public PoolScheduler(TaskWorkers workers, int size, WorkerOptions options, int retries, Duration grace,
                         String namePrefix) {
        this.workers = workers;
        this.size = size;
        this.options = options;
        this.grace = grace;
        this.namePrefix = namePrefix;
        this.work = new PendingWork(policy, size, retries);
        this.chunks = new ChunkDispatch(this, workers, work, policy, retries, grace);
        this.regrowth = new SlotRegrowth(this, workers, () -> workers.acquire(options, this), this::slotWanted,
                (h, index) -> {
                    install(h, index);
                    dispatch();
                });
        synchronized (this) {
            // A worker that cannot start now (a broken java, a host cut off) leaves its slot to be
            // filled in the background, as after a death; a pool none of whose workers starts
            // fails at once with the reason.
            List<Integer> unstarted = new ArrayList<>();
            java.io.UncheckedIOException first = null;
            for (int i = 0; i < size; i++) {
                try {
                    addWorker(i);
                } catch (java.io.UncheckedIOException e) {
                    unstarted.add(i);
                    first = first == null ? e : first;
                }
            }
            if (slots.isEmpty()) {
                throw new WorkerStartException("the pool's workers could not start: " + first.getMessage());
            }
            for (int i : unstarted) {
                LOG.log(System.Logger.Level.WARNING, "pool worker " + namePrefix + (i + 1) + " could not start;"
                        + " going on with " + slots.size() + " workers, trying again in the background: "
                        + first.getMessage());
                regrowth.later(i);
            }
        }
        workers.addMember(this);
    }

    private void addWorker(int index) {
        install(workers.acquire(options, this), index);
    }

    private void install(TaskWorker h, int index) {
        h.assign(index, namePrefix + (index + 1));
        WorkerSlot slot = new WorkerSlot(h, index);
        slots.put(h, slot);
        h.ready().whenComplete((w, err) -> {
            if (err == null) {
                synchronized (this) {
                    slot.ready = true;
                    startups.started();
                    notifyAll();
                    dispatch();
                }
            }
        });
    }

    /** Pids of the current workers, waiting for those still waiting for a launch slot. */
    public List<Long> pids() {
        List<TaskWorker> current;
        synchronized (this) {
            current = new ArrayList<>(slots.keySet());
        }
        List<Long> out = new ArrayList<>();
        for (TaskWorker h : current) {
            long pid = h.awaitPid();
            if (pid > 0) {
                out.add(pid);
            }
        }
        return out;
    }

    /** Waits until every worker has connected; returns whether they did in time. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (slots.size() < size || slots.values().stream().anyMatch(s -> !s.ready)) {
                if (broken != null || state != State.RUNNING) {
                    return false;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    /** Number of workers the pool keeps. */
    public int size() {
        return size;
    }

    /** Adds a job; its items start going out at once. */
    public synchronized void submit(Job job) {
        if (state != State.RUNNING) {
            throw new IllegalStateException("Pool not running: it was " + (state == State.CLOSED ? "closed" : "terminated"));
        }
        if (broken != null) {
            throw broken instanceof WorkerStartException w ? w.again() : broken;
        }
        work.add(job);
        job.maybeEnd();
        dispatch();
    }

    /** More items of a lazy job are available. */
    public synchronized void poke() {
        dispatch();
    }

    /**
     * Cancels a job: its queued items are dropped, its running chunks interrupted, and workers
     * that do not stop within the grace period are killed (and replaced).
     *
     * @return false if the job had already ended
     */
    public synchronized boolean cancel(Job job, RuntimeException why) {
        if (job.ended) {
            return false;
        }
        job.cancelled = true;
        job.ended = true;
        job.source.clear();
        chunks.cancel(work.drop(job));
        job.sink.abort(why);
        maybeStopWorkers();
        return true;
    }

    /** Hands out chunks round-robin to connected workers with spare credit. */
    private void dispatch() {
        if (state == State.TERMINATED || slots.isEmpty()) {
            return;
        }
        chunks.send(slots.values());
    }

    @Override
    public synchronized void onOutcome(TaskWorker worker, TaskOutcome o, List<byte[]> frames) {
        onOutcomes(worker, List.of(o), frames);
    }

    /**
     * Frees the chunks' credit and sends the next chunks first, then reads the results: the
     * worker gets its next work one result-reading sooner (thousands of items on a cold JVM
     * take milliseconds, a worker's idle time otherwise).
     */
    @Override
    public synchronized void onOutcomes(TaskWorker worker, List<TaskOutcome> outcomes, List<byte[]> frames) {
        List<Chunk> done = chunks.answered(outcomes);
        dispatch();
        for (int k = 0; k < outcomes.size(); k++) {
            if (done.get(k) != null) {
                work.finish(done.get(k), outcomes.get(k), frames);
            }
        }
        maybeStopWorkers();
        dispatch();
    }

    @Override
    public synchronized void onExit(TaskWorker worker, WorkerExit exit) {
        WorkerSlot slot = slots.remove(worker);
        if (slot == null) {
            regrowth.ended(worker);
            return;
        }
        chunks.lost(slot, worker, exit, state != State.TERMINATED);
        WorkerStartException keepsDying = startups.died(slot.ready, exit);
        if (broken == null && keepsDying != null) {
            broken = keepsDying;
            work.failAll(broken);
        }
        boolean needed = state == State.RUNNING || (state == State.CLOSED && work.any());
        if (needed && broken == null && !workers.isClosed()) {
            try {
                addWorker(slot.index);
            } catch (RuntimeException e) {
                // A replacement that cannot start (a remote host cut off by the very partition that
                // cost this worker) must not fail items the other workers can still run: the pool
                // goes on smaller, and fails only when it has no worker left.
                if (slots.isEmpty()) {
                    broken = new WorkerStartException((slot.ready ? "the pool has no worker left and none can start: "
                            : "the pool's workers keep dying before they start: ") + e.getMessage());
                    work.failAll(broken);
                } else {
                    LOG.log(System.Logger.Level.WARNING, "pool worker " + worker.name()
                            + " is gone and no replacement could start; going on with " + slots.size()
                            + " workers, trying again in the background: " + e.getMessage());
                    regrowth.later(slot.index);
                }
            }
        }
        if (slots.isEmpty() && state != State.RUNNING) {
            termination.done();
        }
        maybeStopWorkers();
        dispatch();
    }

    /** Whether a slot is empty and the pool still wants a worker in it (call with the lock held). */
    private boolean slotWanted(int index) {
        boolean needed = state == State.RUNNING || (state == State.CLOSED && work.any());
        return needed && broken == null && !workers.isClosed() && !slots.isEmpty()
                && slots.values().stream().noneMatch(s -> s.index == index);
    }

    private void maybeStopWorkers() {
        if (state == State.CLOSED && !work.any()) {
            for (TaskWorker h : slots.keySet()) {
                h.shutdown(0);
            }
        }
        if (state == State.TERMINATED) {
            for (WorkerSlot s : slots.values()) {
                if (s.inflight.isEmpty()) {
                    s.worker.shutdown(0);
                }
            }
        }
    }

    /** Stops accepting jobs; workers exit once the submitted work is done. */
    public synchronized void close() {
        if (state == State.RUNNING) {
            state = State.CLOSED;
            if (slots.isEmpty()) {
                termination.done();
            }
            maybeStopWorkers();
            workers.removeMember(this);
        }
    }

    /**
     * Stops now: every unfinished job fails with a cancellation, running tasks are interrupted,
     * and workers still busy after the grace period are killed.
     */
    public void terminate() {
        synchronized (this) {
            if (state != State.TERMINATED) {
                state = State.TERMINATED;
                chunks.cancel(work.terminateAll());
                if (slots.isEmpty()) {
                    termination.done();
                }
                maybeStopWorkers();
                workers.removeMember(this);
                final List<TaskWorker> all = new ArrayList<>(slots.keySet());
                workers.schedule(() -> all.forEach(w -> w.stop("the pool was terminated", true)), grace.toMillis() + 1000);
            }
        }
        termination.awaitThroughInterrupts(grace);
    }

    /** Whether {@link #close()} or {@link #terminate()} was called. */
    public synchronized boolean isRunning() {
        return state == State.RUNNING;
    }

    /**
     * Waits for every worker to exit.
     *
     * @return whether they did within the timeout
     */
    public boolean awaitTermination(Duration timeout) {
        return termination.await(timeout);
    }

    /** Completes when every worker has exited after close or terminate. */
    public CompletableFuture<Void> terminated() {
        return termination.future();
    }

    @Override
    public boolean daemonAtExit() {
        return true;
    }

    @Override
    public void joinAtExit() {
        awaitTermination(grace.plusSeconds(5));
    }

    @Override
    public void terminateAtExit() {
        terminate();
    }
}
