package dev.jmp.launch.slurm;

import dev.jmp.launch.ExitCodes;
import dev.jmp.launch.LaunchedWorker;
import dev.jmp.spi.Daemons;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * A worker running as a Slurm job through its own {@code srun}. srun carries the worker's stdin,
 * stdout and stderr, so the bootstrap and the parent-death signal (stdin closing) work as they do
 * for a local child. Signals go to the job through {@code scancel}, which reaches the worker JVM
 * wherever it runs; the exit code is srun's, which is the task's (a task killed by signal N ends
 * srun with 128 + N).
 */
final class SlurmWorker implements LaunchedWorker {

    /** Longest stderr line passed on whole; longer ones are cut (the reader bounds lines too). */
    private static final int MAX_LINE = 64 * 1024;
    /** How often a waiting job's reason is repeated when it does not change. */
    private static final long REPEAT_MILLIS = 30_000;

    private final SlurmJobs jobs;
    private final String id;
    private final String java;
    private final java.lang.Process srun;
    @SuppressWarnings("unused") // held open: its closing tells the worker its parent is gone
    private final OutputStream stdin;
    private final long launchedMillis = System.currentTimeMillis();
    private final LineFunnel stderr = new LineFunnel();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Thread stderrCopy;
    private volatile SlurmJobState job;
    private volatile boolean started;
    private volatile int signalAsked;
    private volatile boolean timedOut;
    private volatile boolean notOnNode;
    private String lastReason;
    private long lastReportMillis;

    SlurmWorker(SlurmJobs jobs, String id, String java, java.lang.Process srun, OutputStream stdin) {
        this.jobs = jobs;
        this.id = id;
        this.java = java;
        this.srun = srun;
        this.stdin = stdin;
        this.stderrCopy = Daemons.start("jmp-srun-err-" + id,
                () -> stderr.copyLines(srun.getErrorStream(), MAX_LINE, line -> {
                    notOnNode |= missingOnNode(line);
                    return redundant(line);
                }));
        srun.onExit().thenRunAsync(this::finish);
    }

    /**
     * Whether a line of srun's is one the runtime already says better: the task's exit code or
     * signal (the worker's exit code reports it, in Python's convention).
     */
    static boolean redundant(String line) {
        return line.matches("srun: error: \\S+: tasks? [0-9,-]+: (Exited with exit code \\d+|Terminated|Killed)\\s*");
    }

    /**
     * Whether a line of srun's says the node lacks the worker's java or the runtime's jars: the
     * launcher passes this machine's paths, and nothing copies them to the node.
     */
    static boolean missingOnNode(String line) {
        return line.matches("slurmstepd\\S*: error: execve\\(\\): .*")
                || line.contains("Could not find or load main class dev.jmp.")
                || line.contains("ClassNotFoundException: dev.jmp.")
                || line.contains("NoClassDefFoundError: dev/jmp/");
    }

    /** What to do about a node that lacks the java or the jars this machine uses ({@code job}: "job 12"). */
    static String notOnNodeHint(String job, String java) {
        return "slurm: the node of " + job + " could not start the worker: the slurm launcher copies no java"
                + " and no jars, so every node must see this machine's java (" + java + ") and the jmp and notebook"
                + " jars at the same paths (a shared filesystem, or the same installation on every node);"
                + " see README, Workers on Slurm (the ssh launcher copies jars)";
    }

    /** The worker id, which the job carries as its comment. */
    String id() {
        return id;
    }

    /** The job as {@code squeue} saw it last, or {@code null} before it was seen. */
    SlurmJobState job() {
        return job;
    }

    /**
     * Takes in what {@code squeue} says about the job: reports its pending reason (when it changes,
     * and now and then while it waits), and cancels it once it waited longer than the queue timeout.
     */
    void seen(SlurmJobState s, long now) {
        job = s;
        if (s.started()) {
            if (!started && lastReason != null && !s.ended()) {
                stderr.line("slurm: job " + s.jobId() + " of worker " + id + " started on " + s.nodes() + " after "
                        + seconds(now - launchedMillis) + " in the queue");
            }
            started = true;
            return;
        }
        long waited = now - launchedMillis;
        long limit = jobs.options().queueTimeout().toMillis();
        if (limit > 0 && waited > limit && !timedOut) {
            timedOut = true;
            stderr.line("slurm: job " + s.jobId() + " of worker " + id + " waited " + seconds(waited)
                    + " in the queue (reason: " + s.reason() + "), longer than the queue timeout of " + seconds(limit)
                    + "; cancelled (the option queue-timeout, or -Djmp.slurm.queue-timeout, sets it; 0 waits forever)");
            jobs.cancel(s.jobId(), null);
            return;
        }
        // "None" is a job the scheduler has not looked at yet: a moment, not a reason worth a line.
        if (!s.reason().equals("None") && (!s.reason().equals(lastReason) || now - lastReportMillis >= REPEAT_MILLIS)) {
            stderr.line("slurm: job " + s.jobId() + " of worker " + id + " pending for " + seconds(waited)
                    + " (reason: " + s.reason() + ")");
            lastReason = s.reason();
            lastReportMillis = now;
        }
    }

    private static String seconds(long millis) {
        return (millis / 1000) + " s";
    }

    /** After srun ended: says how the job ended when jmp did not end it, then ends stderr and the exit. */
    private void finish() {
        try {
            stderrCopy.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int raw = srun.exitValue();
        SlurmJobState last = job;
        // A signal nobody in jmp sent (srun ends with 128 + N) is how a cancel or a time limit shows.
        if (signalAsked == 0 && !timedOut && last != null && raw > 128) {
            SlurmJobState end = jobs.finalState(last.jobId());
            if (end != null && end.ended() && !end.state().equals("COMPLETED")) {
                stderr.line("slurm: job " + end.jobId() + " of worker " + id + " ended " + end.state()
                        + (end.state().equals("CANCELLED") ? " (cancelled outside jmp: scancel or an administrator)"
                        : end.state().equals("TIMEOUT") ? " (it reached its time limit, the option time)" : "")
                        + (end.reason().equals("None") ? "" : ", reason: " + end.reason()));
            }
        }
        if (notOnNode) {
            stderr.line(notOnNodeHint(last != null ? "job " + last.jobId() : "the job", java));
        }
        stderr.end();
        jobs.gone(this);
        // A job stopped before it ran never ran a worker: it ends as if the signal had killed it, as a
        // local launch abandoned before its start does.
        exit.complete(signalAsked != 0 && !started ? -signalAsked : ExitCodes.toPython(raw));
    }

    /** The pid of the local srun process (the worker's own pid is on the node that runs it). */
    @Override
    public long pid() {
        return srun.pid();
    }

    @Override
    public InputStream stdout() {
        return srun.getInputStream();
    }

    @Override
    public InputStream stderr() {
        return stderr;
    }

    @Override
    public CompletableFuture<Integer> onExit() {
        return exit;
    }

    @Override
    public boolean isAlive() {
        return !exit.isDone();
    }

    @Override
    public boolean queued() {
        return !started && srun.isAlive();
    }

    @Override
    public void terminate() {
        signal(15);
    }

    @Override
    public void kill() {
        signal(9);
    }

    private void signal(int sig) {
        if (signalAsked == 9 || exit.isDone()) {
            return;
        }
        signalAsked = sig;
        jobs.signal(this, sig);
    }

    /** Whether the job was seen out of the queue. */
    boolean started() {
        return started;
    }

    /** The local srun process. */
    java.lang.Process srun() {
        return srun;
    }
}
