package dev.jmp.internal.pool;

import dev.jmp.error.WorkerDiedException;
import dev.jmp.internal.serial.PackedItems;
import dev.jmp.internal.supervisor.Dispatch;
import dev.jmp.internal.supervisor.RuntimeMember;
import dev.jmp.internal.supervisor.WorkerExit;
import dev.jmp.internal.supervisor.TaskWorker;
import dev.jmp.internal.supervisor.TaskWorkers;
import dev.jmp.internal.supervisor.WorkerOptions;
import dev.jmp.internal.supervisor.WorkerOwner;
import dev.jmp.internal.wire.message.TaskOutcome;
import dev.jmp.internal.wire.message.TaskStatus;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
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

    private static final int MAX_STARTUP_FAILURES = 3;

    private enum State { RUNNING, CLOSED, TERMINATED }

    private final TaskWorkers workers;
    private final WorkerOptions options;
    private final int size;
    private final int retries;
    private final Duration grace;
    private final String namePrefix;
    private final Map<TaskWorker, WorkerSlot> slots = new LinkedHashMap<>();
    private final Deque<Job> jobs = new ArrayDeque<>();
    private final Deque<Chunk> retry = new ArrayDeque<>();
    private final Map<Long, Chunk> inflight = new HashMap<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private State state = State.RUNNING;
    private final ChunkPolicy policy = new ChunkPolicy();
    private int rr;
    private int startupFailures;
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
        this.retries = retries;
        this.grace = grace;
        this.namePrefix = namePrefix;
        synchronized (this) {
            for (int i = 0; i < size; i++) {
                addWorker(i);
            }
        }
        workers.addMember(this);
    }

    private void addWorker(int index) {
        TaskWorker h = workers.acquire(options, this);
        h.assign(index, namePrefix + (index + 1));
        WorkerSlot slot = new WorkerSlot(h, index);
        slots.put(h, slot);
        h.ready().whenComplete((w, err) -> {
            if (err == null) {
                synchronized (this) {
                    slot.ready = true;
                    startupFailures = 0;
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
            throw broken;
        }
        jobs.add(job);
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
        jobs.remove(job);
        retry.removeIf(c -> c.job == job);
        List<Chunk> running = new ArrayList<>();
        for (Chunk c : inflight.values()) {
            if (c.job == job) {
                running.add(c);
            }
        }
        interrupt(running);
        job.sink.abort(why);
        maybeStopWorkers();
        return true;
    }

    private void interrupt(List<Chunk> chunks) {
        Map<WorkerSlot, List<Long>> bySlot = new LinkedHashMap<>();
        for (Chunk c : chunks) {
            if (!c.cancelSent) {
                c.slot.markCancelled(c);
                bySlot.computeIfAbsent(c.slot, s -> new ArrayList<>()).add(c.taskId);
            }
        }
        bySlot.forEach((slot, ids) -> {
            slot.worker.cancel(ids);
            workers.schedule(() -> killIfStillRunning(slot, ids), grace.toMillis());
        });
    }

    private synchronized void killIfStillRunning(WorkerSlot slot, List<Long> ids) {
        for (Long id : ids) {
            if (slot.inflight.containsKey(id)) {
                slot.worker.stop("its cancelled task did not stop within the grace period", true);
                return;
            }
        }
    }

    private Chunk nextChunk(WorkerSlot slot) {
        Chunk c = retry.poll();
        if (c != null) {
            return c;
        }
        for (Iterator<Job> it = jobs.iterator(); it.hasNext();) {
            Job job = it.next();
            if (job.ended || job.source.exhausted()) {
                it.remove();
                job.maybeEnd();
                continue;
            }
            for (RuntimeException e = job.source.pollFailed(); e != null; e = job.source.pollFailed()) {
                job.finish(job.nextItem++, ItemResult.local(e));
            }
            int k = policy.chunkSize(job, size);
            if (!job.source.complete() && job.source.available() < k && !slot.inflight.isEmpty()) {
                // A lazy source's items are still coming and this worker has work: a crumb of a
                // chunk now would cost a round trip for a few items, so wait for a full one.
                job.source.want(k);
                continue;
            }
            PackedItems items = job.source.take(k);
            if (items.isEmpty()) {
                continue;
            }
            Chunk chunk = new Chunk(job, job.nextItem, items);
            job.nextItem += items.count();
            return chunk;
        }
        return null;
    }

    /** Hands out chunks round-robin to connected workers with spare credit. */
    private void dispatch() {
        if (state == State.TERMINATED || slots.isEmpty()) {
            return;
        }
        int credit = policy.credit();
        List<WorkerSlot> order = new ArrayList<>(slots.values());
        Map<WorkerSlot, List<Dispatch>> batches = new LinkedHashMap<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int i = 0; i < order.size(); i++) {
                WorkerSlot s = order.get((rr + i) % order.size());
                if (!s.ready || s.inflight.size() >= credit || s.draining()) {
                    continue;
                }
                Chunk c = nextChunk(s);
                if (c == null) {
                    progress = false;
                    break;
                }
                c.taskId = workers.nextId();
                c.slot = s;
                c.attempts++;
                c.sentMicros = dev.jmp.spi.ItemTiming.nowMicros();
                c.sentToIdle = s.inflight.isEmpty();
                s.add(c);
                inflight.put(c.taskId, c);
                batches.computeIfAbsent(s, k -> new ArrayList<>()).add(new Dispatch(c.taskId, c.job.id, c.first,
                        c.count, c.job.kind, false, c.job.fn, c.items.frames()));
                progress = true;
            }
            rr++;
        }
        batches.forEach((s, list) -> s.worker.run(list));
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
        List<Chunk> done = new ArrayList<>(outcomes.size());
        long now = dev.jmp.spi.ItemTiming.nowMicros();
        for (TaskOutcome o : outcomes) {
            Chunk c = inflight.remove(o.taskId());
            done.add(c);
            if (c != null) {
                c.slot.remove(o.taskId());
                if (o.status() == TaskStatus.OK) {
                    // only a chunk that waited behind no other shows the bare round trip
                    policy.learn(o.nanos(), c.count, c.sentToIdle ? now - c.sentMicros : -1);
                }
            }
        }
        dispatch();
        for (int k = 0; k < outcomes.size(); k++) {
            if (done.get(k) != null) {
                finishChunk(done.get(k), outcomes.get(k), frames);
            }
        }
        maybeStopWorkers();
        dispatch();
    }

    private void finishChunk(Chunk c, TaskOutcome o, List<byte[]> frames) {
        Job job = c.job;
        OutcomeDecoder d = OutcomeDecoder.of(o, frames);
        ChunkTiming timing = d.ran() ? ChunkTiming.of(c, o.startMicros(), o.nanos()) : null;
        ItemResult[] results = new ItemResult[c.count];
        int from = 0;
        for (int i = 0; i < c.count; i++) {
            if (d.itemThrew(i) && c.attempts <= retries && !job.ended) {
                // results before it are handed over first, so they keep arriving in order
                job.finishAll(c.first + from, results, from, i - from);
                from = i + 1;
                Chunk again = new Chunk(job, c.first + i, c.items.sub(i, 1));
                again.attempts = c.attempts;
                retry.add(again);
            } else {
                ItemResult r = d.item(i);
                results[i] = timing != null ? r.timed(timing, i) : r;
            }
        }
        job.finishAll(c.first + from, results, from, c.count - from);
    }

    @Override
    public synchronized void onExit(TaskWorker worker, WorkerExit exit) {
        WorkerSlot slot = slots.remove(worker);
        if (slot == null) {
            return;
        }
        if (!slot.ready) {
            startupFailures++;
        }
        for (Chunk c : slot.inflight.values()) {
            inflight.remove(c.taskId);
        }
        if (state != State.TERMINATED) {
            WorkerDiedException died = new WorkerDiedException(worker.name(), worker.pid(), exit.exitCode(),
                    exit.describe(), exit.lastStderr());
            List<Chunk> again = DeathTriage.triage(slot.inflight.values(), exit.lastItem(), retries, died);
            for (int i = again.size() - 1; i >= 0; i--) {
                retry.addFirst(again.get(i));
            }
        }
        slot.inflight.clear();
        if (startupFailures >= MAX_STARTUP_FAILURES && broken == null) {
            broken = new IllegalStateException("the pool's workers keep dying before they start: " + exit.describe()
                    + (exit.lastStderr().isEmpty() ? "" : "; last stderr lines:\n  " + String.join("\n  ", exit.lastStderr())));
            failEverything(broken);
        }
        boolean needed = state == State.RUNNING || (state == State.CLOSED && hasWork());
        if (needed && broken == null && !workers.isClosed()) {
            try {
                addWorker(slot.index);
            } catch (RuntimeException e) {
                // A replacement that cannot start (a remote host cut off by the very partition that
                // cost this worker) must not fail items the other workers can still run: the pool
                // goes on smaller, and fails only when it has no worker left.
                if (slots.isEmpty()) {
                    broken = e;
                    failEverything(e);
                } else {
                    LOG.log(System.Logger.Level.WARNING, "pool worker " + worker.name()
                            + " is gone and no replacement could start; going on with " + slots.size()
                            + " workers: " + e.getMessage());
                }
            }
        }
        if (slots.isEmpty() && state != State.RUNNING) {
            terminated.complete(null);
        }
        maybeStopWorkers();
        dispatch();
    }

    /**
     * Whether anything is left to send or to come back. Jobs whose items are all out stay queued
     * until the next dispatch looks at them, which may come after this check (results that come
     * back in one message): they are dropped here, or a closed pool would never stop its workers.
     */
    private boolean hasWork() {
        for (Iterator<Job> it = jobs.iterator(); it.hasNext();) {
            Job job = it.next();
            if (job.ended || job.source.exhausted()) {
                it.remove();
                job.maybeEnd();
            }
        }
        return !jobs.isEmpty() || !retry.isEmpty() || !inflight.isEmpty();
    }

    private void failEverything(RuntimeException why) {
        List<Job> all = new ArrayList<>(jobs);
        for (Chunk c : retry) {
            all.add(c.job);
        }
        for (Chunk c : inflight.values()) {
            all.add(c.job);
        }
        for (Job j : all) {
            if (!j.ended) {
                j.ended = true;
                j.source.clear();
                j.sink.abort(why);
            }
        }
        jobs.clear();
        retry.clear();
    }

    private void maybeStopWorkers() {
        if (state == State.CLOSED && !hasWork()) {
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
                terminated.complete(null);
            }
            maybeStopWorkers();
            removeMember();
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
                List<Chunk> running = new ArrayList<>(inflight.values());
                failEverything(new CancellationException("the pool was terminated"));
                for (Chunk c : running) {
                    if (!c.job.ended) {
                        c.job.ended = true;
                        c.job.sink.abort(new CancellationException("the pool was terminated"));
                    }
                }
                interrupt(running);
                if (slots.isEmpty()) {
                    terminated.complete(null);
                }
                maybeStopWorkers();
                removeMember();
                final List<TaskWorker> all = new ArrayList<>(slots.keySet());
                workers.schedule(() -> all.forEach(w -> w.stop("the pool was terminated", true)), grace.toMillis() + 1000);
            }
        }
        awaitExitsThroughInterrupts();
    }

    /**
     * Waits for the workers to exit even when the caller's interrupt flag is set: the usual
     * caller is a cell being interrupted, and returning at once would let the cell end while its
     * workers still run (the flag is kept for the caller). The kills come after the grace; the
     * bound beyond it is only a hang detector.
     */
    private void awaitExitsThroughInterrupts() {
        boolean interrupted = Thread.interrupted();
        try {
            long deadline = System.nanoTime() + grace.plusSeconds(60).toNanos();
            while (true) {
                try {
                    terminated.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    return;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void removeMember() {
        workers.removeMember(this);
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
        try {
            terminated.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    /** Completes when every worker has exited after close or terminate. */
    public CompletableFuture<Void> terminated() {
        return terminated;
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
