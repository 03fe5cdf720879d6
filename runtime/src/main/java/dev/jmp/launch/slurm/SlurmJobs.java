package dev.jmp.launch.slurm;

import dev.jmp.spi.Daemons;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The allocations of one launcher (normally one: the group's) and the workers that run in them as
 * steps. All allocations carry one job name, so one {@code squeue} call per poll sees them all and
 * one {@code scancel --name} ends them all; each step carries its worker's id as its name.
 *
 * <p>No job may outlive this program: {@link SlurmGuards} (a shutdown hook, and a watchdog process
 * for a {@code kill -9}) cancel them by name; they run only while allocations or workers exist.
 */
final class SlurmJobs {

    /** How often a waiting job's reason is repeated when it does not change. */
    private static final long REPEAT_MILLIS = 30_000;

    private final SlurmOptions options;
    private final String name;
    private final String user = System.getProperty("user.name");
    private final SlurmQueue queue;
    private final Set<SlurmWorker> live = ConcurrentHashMap.newKeySet();
    private final List<SlurmAllocation> allocations = new ArrayList<>();
    // One thread, and none while there is nothing to cancel.
    private final ExecutorService signals = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), Daemons.factory("jmp-scancel"));
    private final SlurmGuards guards;
    private Thread poller;
    private int launching;
    /** How many workers the group holds (its {@code -n}, changed by a resize). */
    private int target;

    SlurmJobs(SlurmOptions options, SlurmCommands commands, String name) {
        this.options = options;
        this.target = options.tasks();
        this.name = name;
        this.queue = new SlurmQueue(commands, name, user);
        this.guards = new SlurmGuards(commands, queue, name, user);
    }

    SlurmOptions options() {
        return options;
    }

    /** The job name every job of this launcher carries. */
    String name() {
        return name;
    }

    /**
     * Starts the guards before a launch (so no job exists unguarded), and holds them until the
     * launch ends in {@link #add} or {@link #unguard}.
     */
    synchronized void guard() throws IOException {
        guards.start();
        launching++;
    }

    /**
     * A launch failed before it made a worker: its task in {@code a} (null if it got none) is free
     * again, and the guards go if nothing else holds them.
     */
    synchronized void unguard(SlurmAllocation a) {
        if (a != null) {
            a.reserved--;
            if (a.workers.isEmpty() && a.reserved == 0 && !a.running && !a.over) {
                a.over = true;          // queued for nobody: the poller drops it once cancelled
                long job = a.jobId();
                signals.execute(() -> queue.scancel(Long.toString(job), null));
            }
        }
        launching--;
        releaseIfIdle();
    }

    /**
     * A task for one more worker: in an allocation that has room, or in a new one submitted now
     * for what the group's {@code -n} still lacks (all of it for the first, so a group given
     * {@code -n} holds one job; the difference after a resize up; one task for each worker beyond).
     *
     * @param submit sbatch's arguments for an allocation of the given number of tasks
     * @throws IOException with sbatch's own message when the allocation is refused
     */
    synchronized SlurmAllocation reserve(java.util.function.IntFunction<List<String>> submit) throws IOException {
        for (SlurmAllocation a : allocations) {
            if (a.hasRoom()) {
                a.reserved++;
                return a;
            }
        }
        int capacity = 0;
        for (SlurmAllocation a : allocations) {
            capacity += a.over ? 0 : a.tasks();
        }
        int tasks = Math.max(1, target - capacity);
        SlurmAllocation a = new SlurmAllocation(queue.submit(submit.apply(tasks), tasks), tasks);
        a.reserved++;
        allocations.add(a);
        if (poller == null) {
            poller = Daemons.start("jmp-squeue", this::poll);
        }
        return a;
    }

    /**
     * Changes how many workers the group holds. Growing submits the difference as one allocation
     * when a worker first needs it; shrinking stops nothing: allocations with no worker left are
     * cancelled as always.
     */
    synchronized void resize(int tasks) {
        target = tasks;
    }

    /**
     * Counts a launched worker among the live ones, in its allocation: released at once when the
     * allocation runs, else when the poller sees it leave the queue.
     */
    void add(SlurmWorker w) {
        boolean now;
        SlurmJobState seen;
        synchronized (this) {
            launching--;
            live.add(w);
            SlurmAllocation a = w.allocation();
            a.reserved--;
            a.workers.add(w);
            now = a.running;
            seen = a.state;
            if (poller == null) {
                poller = Daemons.start("jmp-squeue", this::poll);
            }
        }
        if (now) {
            w.release(seen == null ? null : seen.nodes());
        }
    }

    /**
     * A worker's process ended: its task is free for a replacement. An allocation still queued that
     * no worker waits for any more (they were stopped, or the cell interrupted) is cancelled; when
     * nothing is left, the guards go (a later launch starts them again).
     */
    void gone(SlurmWorker w) {
        SlurmAllocation cancel = null;
        synchronized (this) {
            live.remove(w);
            SlurmAllocation a = w.allocation();
            a.workers.remove(w);
            if (a.workers.isEmpty() && a.reserved == 0 && !a.running && !a.over) {
                a.over = true;
                cancel = a;
            }
            if (cancel == null) {
                releaseIfIdle();
            }
        }
        if (cancel != null) {
            queue.scancel(Long.toString(cancel.jobId()), null);
            synchronized (this) {
                allocations.remove(cancel);
                releaseIfIdle();
            }
        }
    }

    private void releaseIfIdle() {
        if (live.isEmpty() && launching == 0 && allocations.isEmpty()) {
            guards.stop();
        }
    }

    /**
     * Cancels every allocation of this launcher and waits for scancel (the group stops, or the
     * runtime ends); workers still waiting are told why.
     */
    void close() {
        List<SlurmWorker> waiting = new ArrayList<>();
        synchronized (this) {
            if (allocations.isEmpty()) {
                return;
            }
            for (SlurmAllocation a : allocations) {
                a.over = true;
                for (SlurmWorker w : a.workers) {
                    if (!w.started()) {
                        waiting.add(w);
                    }
                }
            }
        }
        for (SlurmWorker w : waiting) {
            w.abandon("slurm: the group stopped before job " + w.allocation().jobId() + " left the queue; cancelled");
        }
        queue.cancelAll();
        synchronized (this) {
            allocations.clear();
            releaseIfIdle();
        }
    }

    private void poll() {
        while (true) {
            List<SlurmAllocation> watched;
            synchronized (this) {
                if (allocations.removeIf(a -> a.over && a.workers.isEmpty() && a.reserved == 0)) {
                    releaseIfIdle();
                }
                // An idle allocation is watched too: one that Slurm ends (its time limit, an administrator)
                // must not be given the next worker.
                if (live.isEmpty() && allocations.isEmpty()) {
                    poller = null;
                    return;
                }
                watched = new ArrayList<>(allocations);
            }
            Map<Long, SlurmJobState> byJob = new HashMap<>();
            for (SlurmJobState s : queue.jobs("--name=" + name)) {
                byJob.put(s.jobId(), s);
            }
            long now = System.currentTimeMillis();
            for (SlurmAllocation a : watched) {
                SlurmJobState s = byJob.get(a.jobId());
                if (s != null) {
                    seen(a, s, now);
                }
            }
            findSteps();
            try {
                Thread.sleep(options.poll().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Takes in what squeue says about an allocation: releases its workers when it runs, reports
     * why it waits (to its first waiting worker: one line for the group, not one per worker), and
     * cancels it once it waited longer than the queue timeout.
     */
    private void seen(SlurmAllocation a, SlurmJobState s, long now) {
        List<SlurmWorker> release = new ArrayList<>();
        List<SlurmWorker> fail = new ArrayList<>();
        String report = null;
        String failure = null;
        SlurmWorker lead;
        boolean cancel = false;
        synchronized (this) {
            a.state = s;
            if (a.over) {
                return;
            }
            long waited = now - a.submittedMillis();
            long limit = options.queueTimeout().toMillis();
            if (s.ended()) {
                a.over = true;
                failure = "slurm: job " + s.jobId() + " ended " + s.state() + " before its workers ran"
                        + (s.reason().equals("None") ? "" : " (reason: " + s.reason() + ")");
            } else if (s.started()) {
                if (!a.running) {
                    a.running = true;
                    release.addAll(a.workers);
                    if (a.lastReason != null) {
                        report = "slurm: job " + s.jobId() + " started on " + s.nodes() + " after " + seconds(waited)
                                + " in the queue: " + a.workers.size() + "/" + a.tasks() + " workers starting";
                    }
                }
            } else if (limit > 0 && waited > limit) {
                a.over = true;
                cancel = true;
                failure = "slurm: job " + s.jobId() + " waited " + seconds(waited) + " in the queue (reason: "
                        + s.reason() + "), longer than the queue timeout of " + seconds(limit) + "; cancelled (the option"
                        + " queue-timeout, or -Djmp.slurm.queue-timeout, sets it; 0 waits forever)";
            } else if (!s.reason().equals("None")
                    && (!s.reason().equals(a.lastReason) || now - a.lastReportMillis >= REPEAT_MILLIS)) {
                // "None" is a job the scheduler has not looked at yet: a moment, not a reason worth a line.
                report = "slurm: job " + s.jobId() + " pending for " + seconds(waited) + ": 0/" + a.tasks()
                        + " workers (reason: " + s.reason() + ")";
                a.lastReason = s.reason();
                a.lastReportMillis = now;
            }
            if (failure != null) {
                fail.addAll(a.workers);
            }
            lead = report == null || a.workers.isEmpty() ? null : a.workers.get(0);
        }
        if (cancel) {
            queue.scancel(Long.toString(a.jobId()), null);
        }
        if (lead != null) {
            lead.note(report);
        }
        for (SlurmWorker w : fail) {
            w.abandon(failure);
        }
        for (SlurmWorker w : release) {
            w.release(s.nodes());
        }
    }

    private static String seconds(long millis) {
        return (millis / 1000) + " s";
    }

    /** Finds the step of each running worker that has none yet (its id for signals, its node for labels). */
    private void findSteps() {
        List<SlurmWorker> missing = new ArrayList<>();
        for (SlurmWorker w : live) {
            if (w.started() && w.step() == null) {
                missing.add(w);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Map<String, String[]> byName = queue.steps(jobsOf(missing));
        for (SlurmWorker w : missing) {
            String[] step = byName.get(w.id());
            if (step != null) {
                w.stepFound(step[0], step[2]);
            }
        }
    }

    private static java.util.Set<Long> jobsOf(List<SlurmWorker> workers) {
        java.util.Set<Long> ids = new java.util.TreeSet<>();
        for (SlurmWorker w : workers) {
            ids.add(w.allocation().jobId());
        }
        return ids;
    }

    /** How a job ended (see {@link SlurmQueue#finalState}). */
    SlurmJobState finalState(long jobId) {
        return queue.finalState(jobId);
    }

    /**
     * Sends a worker a signal: to its step (the worker JVM gets SIGTERM or SIGKILL), in the
     * background. A worker still waiting for its allocation is withdrawn instead; a step squeue has
     * not listed yet is looked up first, and one that cannot be found is stopped through srun itself
     * (SIGTERM, which srun passes on to the task; or SIGKILL, after which the task's stdin closes).
     */
    void signal(SlurmWorker w, int sig) {
        if (w.abandon(null)) {
            return;
        }
        signals.execute(() -> {
            String step = w.step();
            if (step == null) {
                String[] found = queue.steps(jobsOf(List.of(w))).get(w.id());
                step = found == null ? null : found[0];
            }
            if (step == null || !queue.scancel(step, sig == 9 ? "KILL" : "TERM")) {
                if (sig == 9) {
                    w.srun().destroyForcibly();
                } else {
                    w.srun().destroy();
                }
            }
        });
    }

    /** A line about the allocations: their jobs, how many workers run as steps, and why a queued one waits. */
    synchronized String status() {
        List<String> parts = new ArrayList<>();
        for (SlurmAllocation a : allocations) {
            SlurmJobState s = a.state;
            parts.add("job " + a.jobId() + ": " + (a.running ? a.stepsRunning() + "/" + a.tasks() + " workers running"
                    : "pending, 0/" + a.tasks() + " workers (" + (s == null ? "not listed yet" : s.reason()) + ")"));
        }
        return parts.isEmpty() ? "no allocation" : String.join("; ", parts);
    }
}
