package dev.jmp.launch.slurm;

import dev.jmp.spi.Daemons;
import java.io.IOException;
import java.io.OutputStream;
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
 * <p>No job may outlive this program: on a normal exit a shutdown hook cancels them, and for a
 * {@code kill -9} a small watchdog process ({@code sh}) waits for its stdin, a pipe from this JVM,
 * to close, then cancels them by name. Both exist only while allocations or workers do.
 */
final class SlurmJobs {

    private static final System.Logger LOG = System.getLogger(SlurmJobs.class.getName());
    /** How often a waiting job's reason is repeated when it does not change. */
    private static final long REPEAT_MILLIS = 30_000;

    private final SlurmOptions options;
    private final SlurmCommands commands;
    private final String name;
    private final String user = System.getProperty("user.name");
    private final Set<SlurmWorker> live = ConcurrentHashMap.newKeySet();
    private final List<SlurmAllocation> allocations = new ArrayList<>();
    // One thread, and none while there is nothing to cancel.
    private final ExecutorService signals = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), Daemons.factory("jmp-scancel"));
    private java.lang.Process watchdog;
    private OutputStream watchdogPipe;
    private Thread hook;
    private Thread poller;
    private int launching;

    SlurmJobs(SlurmOptions options, SlurmCommands commands, String name) {
        this.options = options;
        this.commands = commands;
        this.name = name;
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
        if (watchdog == null) {
            // sh reads until this JVM's end closes the pipe, whatever way it ends, then cancels. It
            // runs in a session of its own and ignores the terminal's signals, so a kill of this
            // JVM's whole process group (as Jupyter kills a kernel) does not take it along.
            List<String> cmd = new ArrayList<>();
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/setsid"))) {
                cmd.add("/usr/bin/setsid");
            }
            cmd.addAll(List.of("/bin/sh", "-c", "trap '' INT HUP TERM; cat >/dev/null;"
                    + " exec \"$0\" --quiet --name=\"$1\" --user=\"$2\"", commands.tool("scancel"), name, user));
            ProcessBuilder pb = commands.builder(cmd);
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            watchdog = pb.start();
            watchdogPipe = watchdog.getOutputStream();
            hook = new Thread(this::cancelAll, "jmp-slurm-cancel");
            Runtime.getRuntime().addShutdownHook(hook);
        }
        launching++;
    }

    /** A launch failed before it made a job: the guards go if nothing else holds them. */
    synchronized void unguard() {
        launching--;
        releaseIfIdle();
    }

    /**
     * A task for one more worker: in an allocation that has room, or in a new one submitted now
     * ({@code n} tasks for the first, one for each after, so a group given {@code -n} holds one job).
     *
     * @param submit sbatch's arguments for an allocation of the given number of tasks
     * @throws IOException with sbatch's own message when the allocation is refused
     */
    synchronized SlurmAllocation reserve(java.util.function.IntFunction<List<String>> submit) throws IOException {
        for (SlurmAllocation a : allocations) {
            if (a.hasRoom()) {
                return a;
            }
        }
        int tasks = allocations.isEmpty() ? Math.max(1, options.tasks()) : 1;
        SlurmCommands.Result r = commands.run("sbatch", submit.apply(tasks).toArray(String[]::new));
        String out = r.output().strip();
        // --parsable prints "jobid" or "jobid;cluster"; warnings may come on lines before it.
        String last = out.isEmpty() ? "" : out.substring(out.lastIndexOf('\n') + 1).split(";")[0].strip();
        if (r.exitCode() != 0 || !last.matches("\\d{1,18}")) {
            throw new IOException("slurm: sbatch could not make the group's allocation of " + tasks + " task"
                    + (tasks == 1 ? "" : "s") + ": " + (out.isEmpty() ? "exit code " + r.exitCode() : out));
        }
        SlurmAllocation a = new SlurmAllocation(Long.parseLong(last), tasks);
        allocations.add(a);
        if (poller == null) {
            poller = Daemons.start("jmp-squeue", this::poll);
        }
        return a;
    }

    /**
     * Counts a launched worker among the live ones, in its allocation: released at once when the
     * allocation runs, else when the poller sees it leave the queue.
     */
    void add(SlurmWorker w) {
        boolean now;
        synchronized (this) {
            launching--;
            live.add(w);
            SlurmAllocation a = w.allocation();
            a.workers.add(w);
            now = a.running;
            if (poller == null) {
                poller = Daemons.start("jmp-squeue", this::poll);
            }
        }
        if (now) {
            w.release(null);
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
            if (a.workers.isEmpty() && !a.running && !a.over) {
                a.over = true;
                cancel = a;
            }
            if (cancel == null) {
                releaseIfIdle();
            }
        }
        if (cancel != null) {
            scancel(cancel.jobId(), null);
            synchronized (this) {
                allocations.remove(cancel);
                releaseIfIdle();
            }
        }
    }

    private void releaseIfIdle() {
        if (live.isEmpty() && launching == 0 && allocations.isEmpty() && watchdog != null) {
            try {
                watchdogPipe.close();   // the watchdog's scancel finds nothing left and it ends
            } catch (IOException e) {
                // it is gone already
            }
            watchdog = null;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs anyway
            }
            hook = null;
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
        cancelAll();
        synchronized (this) {
            allocations.clear();
            releaseIfIdle();
        }
    }

    private void poll() {
        while (true) {
            List<SlurmAllocation> watched;
            synchronized (this) {
                if (allocations.removeIf(a -> a.over && a.workers.isEmpty())) {
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
            for (SlurmJobState s : query("--name=" + name)) {
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
        }
        if (cancel) {
            scancel(a.jobId(), null);
        }
        if (report != null && !(release.isEmpty() ? a.workers : release).isEmpty()) {
            SlurmWorker lead;
            synchronized (this) {
                lead = a.workers.isEmpty() ? null : a.workers.get(0);
            }
            if (lead != null) {
                lead.note(report);
            }
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
        Map<String, String[]> byName = steps(missing);
        for (SlurmWorker w : missing) {
            String[] step = byName.get(w.id());
            if (step != null) {
                w.stepFound(step[0], step[2]);
            }
        }
    }

    /** The steps of these workers' allocations, by step name (the worker id): {@code [J.S, name, node]}. */
    private Map<String, String[]> steps(List<SlurmWorker> workers) {
        java.util.TreeSet<String> ids = new java.util.TreeSet<>();
        for (SlurmWorker w : workers) {
            ids.add(Long.toString(w.allocation().jobId()));
        }
        SlurmCommands.Result r = commands.run("squeue", "--noheader", "--steps", "--jobs=" + String.join(",", ids),
                "--format=%i|%j|%N");
        Map<String, String[]> out = new HashMap<>();
        if (r.exitCode() == 0) {
            for (String line : r.output().split("\n")) {
                String[] f = line.strip().split("\\|", -1);
                if (f.length == 3 && f[0].matches("\\d{1,18}\\.\\d{1,9}")) {
                    out.put(f[1], f);
                }
            }
        }
        return out;
    }

    /** The jobs squeue lists for a selection (all states, so ended jobs it still knows are seen too). */
    private List<SlurmJobState> query(String selection) {
        SlurmCommands.Result r = commands.run("squeue", "--noheader", "--states=all", "--user=" + user, selection,
                "--format=" + SlurmJobState.FORMAT);
        List<SlurmJobState> out = new ArrayList<>();
        if (r.exitCode() != 0) {
            LOG.log(System.Logger.Level.WARNING, "squeue failed: " + r.output().strip());
            return out;
        }
        for (String line : r.output().split("\n")) {
            SlurmJobState s = SlurmJobState.parse(line);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * How a job ended, as squeue still knows it, or {@code null}. A job just cancelled is listed as
     * {@code COMPLETING} while its node cleans up; its final state is waited for, for a while.
     */
    SlurmJobState finalState(long jobId) {
        SlurmJobState s = null;
        for (int i = 0; i < 300; i++) {     // 30 s: a node's clean-up takes about one here
            List<SlurmJobState> found = query("--jobs=" + jobId);
            s = found.isEmpty() ? null : found.get(0);
            if (s == null || !s.state().equals("COMPLETING")) {
                return s;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return s;
            }
        }
        return s;
    }

    private boolean scancel(long jobId, String signal) {
        return scancel(Long.toString(jobId), signal);
    }

    private boolean scancel(String job, String signal) {
        SlurmCommands.Result r = signal == null ? commands.run("scancel", "--quiet", job)
                : commands.run("scancel", "--quiet", "--signal=" + signal, job);
        if (r.exitCode() != 0 && signal == null) {
            LOG.log(System.Logger.Level.WARNING, "scancel " + job + " failed: " + r.output().strip());
        }
        return r.exitCode() == 0;
    }

    /**
     * Sends a worker a signal: to its step (the worker JVM gets SIGTERM or SIGKILL), in the
     * background. A worker still waiting for its allocation is withdrawn instead; a step squeue has
     * not listed yet is looked up first, and one that cannot be found is stopped through srun itself
     * (SIGTERM, which srun passes on to the task; or SIGKILL, after which the task's stdin closes).
     */
    void signal(SlurmWorker w, int sig) {
        if (!w.started()) {
            w.abandon(null);
            return;
        }
        signals.execute(() -> {
            String step = w.step();
            if (step == null) {
                String[] found = steps(List.of(w)).get(w.id());
                step = found == null ? null : found[0];
            }
            if (step == null || !scancel(step, sig == 9 ? "KILL" : "TERM")) {
                if (sig == 9) {
                    w.srun().destroyForcibly();
                } else {
                    w.srun().destroy();
                }
            }
        });
    }

    /** Cancels every job of this launcher at once (the shutdown hook). */
    void cancelAll() {
        commands.run("scancel", "--quiet", "--name=" + name, "--user=" + user);
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
