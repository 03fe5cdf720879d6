package dev.jmp.launch.slurm;

import dev.jmp.launch.ExitCodes;
import dev.jmp.launch.LaunchedWorker;
import dev.jmp.spi.Daemons;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A worker running as a step of its group's Slurm allocation. Its local process is a small
 * {@code sh} that waits for one line on its stdin: {@code run} once the allocation left the queue,
 * when it {@code exec}s {@code srun --jobid=J}, which then carries the worker's stdin (the bootstrap
 * follows that line), stdout and stderr, so the bootstrap and the parent-death signal (stdin
 * closing) work as they do for a local child; any other line, or stdin closing, ends it unstarted.
 * So the worker has one process, with one pid, from its launch. Signals go to its step through
 * {@code scancel}, which reaches the worker JVM wherever it runs; the exit code is srun's, which is
 * the task's (a task killed by signal N ends srun with 128 + N).
 */
final class SlurmWorker implements LaunchedWorker {

    /** Longest stderr line passed on whole; longer ones are cut (the reader bounds lines too). */
    private static final int MAX_LINE = 64 * 1024;

    private final SlurmJobs jobs;
    /** Puts the worker's jars on its job's nodes; null when they are there, else why not. */
    private final java.util.function.LongFunction<String> stage;
    private final SlurmAllocation allocation;
    private final String id;
    private final String java;
    private final java.lang.Process srun;
    private final OutputStream stdin;
    private final LineFunnel stderr = new LineFunnel();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Thread stderrCopy;
    private byte[] bootstrap;
    private volatile boolean started;
    private volatile boolean abandoned;
    private volatile int signalAsked;
    private volatile boolean notOnNode;
    private volatile String step;
    private volatile String node;

    SlurmWorker(SlurmJobs jobs, SlurmAllocation allocation, String id, String java, java.lang.Process srun,
                byte[] bootstrap, java.util.function.LongFunction<String> stage) {
        this.stage = stage;
        this.jobs = jobs;
        this.allocation = allocation;
        this.id = id;
        this.java = java;
        this.srun = srun;
        this.stdin = srun.getOutputStream();
        this.bootstrap = bootstrap.clone();
        this.stderrCopy = Daemons.start("jmp-srun-err-" + id,
                () -> stderr.copyLines(srun.getErrorStream(), MAX_LINE, line -> {
                    notOnNode |= missingOnNode(line);
                    return redundant(line);
                }));
        srun.onExit().thenRunAsync(this::finish);
    }

    /** The sh that waits for its allocation, then becomes srun: {@code sh -c SCRIPT sh srun ...}. */
    static List<String> waiting(List<String> srunCommand) {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c",
                "IFS= read -r go && [ \"$go\" = run ] && exec \"$@\"; exit 1", "sh"));
        cmd.addAll(srunCommand);
        return cmd;
    }

    /**
     * The allocation runs: the worker's sh becomes srun, and gets the bootstrap.
     *
     * @param nodes the allocation's nodes; the worker's host when it is one node
     */
    void release(String nodes) {
        byte[] b;
        synchronized (this) {
            if (started || abandoned) {
                return;
            }
            started = true;
            b = bootstrap;
            bootstrap = null;
            if (nodes != null && !nodes.isEmpty() && !nodes.contains(",") && !nodes.contains("[")) {
                node = nodes;
            }
        }
        String notStaged = stage.apply(allocation.jobId());
        if (notStaged != null) {
            Arrays.fill(b, (byte) 0);
            stderr.line(notStaged);
            srun.destroyForcibly();     // its sh never ran srun: the worker ends with that line
            return;
        }
        try {
            stdin.write("run\n".getBytes(StandardCharsets.US_ASCII));
            stdin.write(b);             // sh reads its line a byte at a time: the rest is srun's
            stdin.flush();
        } catch (IOException e) {
            srun.destroyForcibly();     // its exit says the rest
        } finally {
            Arrays.fill(b, (byte) 0);
        }
    }

    /**
     * Ends a worker whose allocation never ran it, with a line saying why (or none when jmp stopped it).
     *
     * @return false when its srun was already started (then it is not abandoned)
     */
    boolean abandon(String why) {
        synchronized (this) {
            if (started) {
                return false;
            }
            if (abandoned) {
                return true;
            }
            abandoned = true;
            Arrays.fill(bootstrap, (byte) 0);
            bootstrap = null;
        }
        if (why != null) {
            stderr.line(why);
        }
        try {
            stdin.close();              // sh reads no "run" and ends
        } catch (IOException e) {
            srun.destroyForcibly();
        }
        return true;
    }

    /** A line about the group's allocation, on this worker's stderr (so in the cell). */
    void note(String line) {
        stderr.line(line);
    }

    /** The worker's step was found: its id ({@code J.S}) and node. */
    void stepFound(String id, String onNode) {
        step = id;
        if (onNode != null && !onNode.isEmpty()) {
            node = onNode;
        }
    }

    /** The step's id ({@code J.S}), or {@code null} before squeue listed it. */
    String step() {
        return step;
    }

    /** The allocation the worker holds a task of. */
    SlurmAllocation allocation() {
        return allocation;
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
        return "slurm: the node of " + job + " could not start the worker: the slurm launcher copies no java,"
                + " so every node must see this machine's java (" + java + ") at the same path (a shared filesystem,"
                + " or the same installation on every node), and with stage=none the jmp and notebook jars too;"
                + " see README, Workers on Slurm";
    }

    /** The worker id, which its step carries as its name. */
    String id() {
        return id;
    }

    /** After srun ended: says how the job ended when jmp did not end it, then ends stderr and the exit. */
    private void finish() {
        try {
            stderrCopy.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int raw = srun.exitValue();
        long job = allocation.jobId();
        // A signal nobody in jmp sent (srun ends with 128 + N) is how a cancel or a time limit shows.
        if (signalAsked == 0 && started && raw > 128) {
            SlurmJobState end = jobs.finalState(job);
            if (end != null && end.ended() && !end.state().equals("COMPLETED")) {
                stderr.line("slurm: job " + end.jobId() + " of worker " + id + " ended " + end.state()
                        + (end.state().equals("CANCELLED") ? " (cancelled outside jmp: scancel or an administrator)"
                        : end.state().equals("TIMEOUT") ? " (it reached its time limit, the option time)" : "")
                        + (end.reason().equals("None") ? "" : ", reason: " + end.reason()));
            }
        }
        if (notOnNode) {
            stderr.line(notOnNodeHint("job " + job, java));
        }
        stderr.end();
        jobs.gone(this);
        // A job stopped before it ran never ran a worker: it ends as if the signal had killed it, as a
        // local launch abandoned before its start does.
        exit.complete(signalAsked != 0 && !started ? -signalAsked : ExitCodes.toPython(raw));
    }

    /** The pid of the local srun process, first its waiting sh (the worker's own pid is on its node). */
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

    /** The node its step runs on, as Slurm names it, once known. */
    @Override
    public String host() {
        return node;
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

    /** Whether its allocation ran and the worker's srun was started in it. */
    boolean started() {
        return started;
    }

    /** The local srun process. */
    java.lang.Process srun() {
        return srun;
    }
}
