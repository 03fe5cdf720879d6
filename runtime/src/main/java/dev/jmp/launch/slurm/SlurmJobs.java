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
 * The jobs of one launcher while any of them lives. All carry one job name, so one {@code squeue}
 * call per poll sees them all and one {@code scancel --name} ends them all; each carries its
 * worker's id as its comment.
 *
 * <p>No job may outlive this program: on a normal exit a shutdown hook cancels them, and for a
 * {@code kill -9} a small watchdog process ({@code sh}) waits for its stdin, a pipe from this JVM,
 * to close, then cancels them by name. Both exist only while jobs do.
 */
final class SlurmJobs {

    private static final System.Logger LOG = System.getLogger(SlurmJobs.class.getName());

    private final SlurmOptions options;
    private final SlurmCommands commands;
    private final String name;
    private final String user = System.getProperty("user.name");
    private final Set<SlurmWorker> live = ConcurrentHashMap.newKeySet();
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

    /** Counts a launched worker among the live ones and polls its job. */
    synchronized void add(SlurmWorker w) {
        launching--;
        live.add(w);
        if (poller == null) {
            poller = Daemons.start("jmp-squeue", this::poll);
        }
    }

    /** A worker's srun ended: when it was the last, the guards go (a later launch starts them again). */
    synchronized void gone(SlurmWorker w) {
        live.remove(w);
        releaseIfIdle();
    }

    private void releaseIfIdle() {
        if (live.isEmpty() && launching == 0 && watchdog != null) {
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

    private void poll() {
        while (true) {
            synchronized (this) {
                if (live.isEmpty()) {
                    poller = null;
                    return;
                }
            }
            Map<String, SlurmJobState> byWorker = new HashMap<>();
            for (SlurmJobState s : query("--name=" + name)) {
                byWorker.put(s.worker(), s);
            }
            long now = System.currentTimeMillis();
            for (SlurmWorker w : new ArrayList<>(live)) {
                SlurmJobState s = byWorker.get(w.id());
                if (s != null) {
                    w.seen(s, now);
                }
            }
            try {
                Thread.sleep(options.poll().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
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

    /** Cancels a job (with a signal to its step, or the whole job when {@code signal} is null), in the background. */
    void cancel(long jobId, String signal) {
        signals.execute(() -> scancel(jobId, signal));
    }

    private boolean scancel(long jobId, String signal) {
        SlurmCommands.Result r = signal == null ? commands.run("scancel", "--quiet", Long.toString(jobId))
                : commands.run("scancel", "--quiet", "--signal=" + signal, jobId + ".0");
        if (r.exitCode() != 0 && signal == null) {
            LOG.log(System.Logger.Level.WARNING, "scancel " + jobId + " failed: " + r.output().strip());
        }
        return r.exitCode() == 0;
    }

    /**
     * Sends a worker's job a signal: to its running step (the worker JVM gets SIGTERM or SIGKILL),
     * or, for a job not running yet, cancels it. A job squeue has not listed yet is looked up first;
     * one that cannot be found (srun is still submitting it) is stopped through srun itself, which
     * withdraws its request.
     */
    void signal(SlurmWorker w, int sig) {
        signals.execute(() -> {
            SlurmJobState s = w.job();
            if (s == null) {
                for (SlurmJobState q : query("--name=" + name)) {
                    if (q.worker().equals(w.id())) {
                        s = q;
                    }
                }
            }
            if (s == null) {
                w.srun().destroy();
                return;
            }
            boolean running = w.started() || s.state().equals("RUNNING");
            if (!running || !scancel(s.jobId(), sig == 9 ? "KILL" : "TERM")) {
                scancel(s.jobId(), null);
            }
        });
    }

    /** Cancels every job of this launcher at once (the shutdown hook). */
    void cancelAll() {
        commands.run("scancel", "--quiet", "--name=" + name, "--user=" + user);
    }

    /** A line about the live jobs: how many run, how many wait, and why the waiting ones wait. */
    String status() {
        int running = 0;
        List<String> waiting = new ArrayList<>();
        for (SlurmWorker w : live) {
            SlurmJobState s = w.job();
            if (w.started()) {
                running++;
            } else {
                waiting.add(s == null ? "(not listed yet)" : "job " + s.jobId() + " (" + s.reason() + ")");
            }
        }
        return running + " running, " + waiting.size() + " pending" + (waiting.isEmpty() ? "" : ": "
                + String.join(", ", waiting));
    }
}
