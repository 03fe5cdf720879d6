package dev.jmp.launch.slurm;

import dev.jmp.launch.LaunchSpec;
import dev.jmp.launch.LaunchedWorker;
import dev.jmp.launch.Launcher;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Runs a group's workers in one Slurm allocation, each as a job step: the {@code slurm} launcher.
 * The first launch submits the allocation ({@code sbatch --ntasks=n}, its batch script only
 * sleeping); while it waits in the queue its pending reason is written to a waiting worker's
 * stderr, and one that waits longer than the queue timeout is cancelled. Once it runs, each worker
 * is {@code srun --jobid=J -n1 --exact} on the node Slurm chose, carrying its stdin, stdout and
 * stderr; a worker that ends frees its task for a replacement step. The worker's Java and classpath
 * are the paths this program uses, so the nodes must see them (a shared filesystem, or the same
 * installation on every node).
 *
 * <p>Stopping a worker signals its step with {@code scancel}; one still waiting is withdrawn, and an
 * allocation nobody waits for is cancelled. {@link #close()} (the group's stop, the runtime's end)
 * cancels the allocation. No job outlives this program (see {@link SlurmJobs}), and a worker whose
 * srun goes away sees its stdin close and ends, as a local worker does when its parent dies.
 */
public final class SlurmLauncher implements Launcher {

    /** What a launcher works with, made on first use. */
    private record Setup(SlurmOptions options, SlurmCommands commands, SlurmJobs jobs, SlurmStaging staging) {
    }

    private final SlurmOptions given;
    private SlurmOptions configured;
    private String bind;
    private Setup setup;

    /**
     * A launcher whose options come from {@code -Djmp.slurm.*} system properties (the form
     * {@code ServiceLoader} makes). They are read on first use, so looking another launcher up by
     * name never fails on a slurm property.
     */
    public SlurmLauncher() {
        this.given = null;
    }

    /**
     * A launcher with these options.
     *
     * @param options what to ask Slurm for
     */
    public SlurmLauncher(SlurmOptions options) {
        this.given = java.util.Objects.requireNonNull(options, "options");
    }

    private synchronized Setup setup() {
        if (setup == null) {
            SlurmOptions options = given != null ? given : configured != null ? configured : SlurmOptions.fromSystemProperties();
            SlurmCommands commands = new SlurmCommands(options);
            String tag = ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
            setup = new Setup(options, commands, new SlurmJobs(options, commands, "jmp-" + tag), new SlurmStaging(commands, options.stage()));
        }
        return setup;
    }

    /**
     * A launcher with options given as strings (see {@link SlurmOptions#from(Map)}).
     *
     * @throws IllegalArgumentException for an unknown option or a wrong value
     */
    public static SlurmLauncher withOptions(Map<String, String> options) {
        return new SlurmLauncher(SlurmOptions.from(options));
    }

    @Override
    public String name() {
        return "slurm";
    }

    /**
     * Takes the options of {@code %cluster start NAME --launcher slurm --partition P ...} or
     * {@code Cluster.start}: the keys of {@link SlurmOptions#KEYS}, and {@code bind}, this host's
     * address that jobs on other nodes connect back to (the runtime then listens there, with CURVE
     * only). Without {@code bind}, jobs must run on this host (they connect to loopback). Called
     * again while the group runs ({@code Cluster.resize}), it changes only the worker count.
     *
     * @throws IllegalArgumentException for an unknown option or a wrong value, naming it, or a
     *                                  resize that changes more than {@code n}
     * @throws IllegalStateException    when this launcher was made with its options
     */
    @Override
    public synchronized void configure(Map<String, String> options) {
        if (options.isEmpty()) {
            return;
        }
        if (given != null) {
            throw new IllegalStateException("this slurm launcher already has its options");
        }
        Map<String, String> rest = new java.util.LinkedHashMap<>(options);
        String address = rest.remove("bind");
        if (configured != null || setup != null) {
            resize(rest, address);
            return;
        }
        if (address != null && !address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:]+")) {
            throw new IllegalArgumentException("slurm option bind: '" + address
                    + "' is not an IP address (give this host's address the compute nodes reach, such as 10.0.0.5)");
        }
        try {
            this.configured = SlurmOptions.from(rest);
        } catch (IllegalArgumentException e) {
            // bind is taken here, not by SlurmOptions: name it among the known ones.
            throw e.getMessage().startsWith("unknown slurm option") ? new IllegalArgumentException(e.getMessage() + ", bind") : e;
        }
        this.bind = address;
    }

    /**
     * A running group's new options ({@code Cluster.resize}): only the worker count {@code n} may
     * change, since the allocation it already holds was asked for with the others.
     */
    private void resize(Map<String, String> options, String address) {
        SlurmOptions now = setup != null ? setup.options() : configured;
        SlurmOptions next = SlurmOptions.from(options);
        if (!next.equals(now.withTasks(next.tasks())) || !java.util.Objects.equals(address, bind)) {
            throw new IllegalArgumentException("a slurm group changes only its worker count (-n) while it runs; stop it"
                    + " and start it again to change its other options");
        }
        if (next.tasks() < 1) {
            throw new IllegalArgumentException("slurm n " + next.tasks() + ": give a worker count of 1 or more");
        }
        configured = next;
        if (setup != null) {
            setup = new Setup(next, setup.commands(), setup.jobs(), setup.staging());
            setup.jobs().resize(next.tasks());
        }
    }

    @Override
    public synchronized String parentAddress() {
        return bind;
    }

    /** The options this launcher asks Slurm with. */
    public SlurmOptions options() {
        return setup().options();
    }

    /** The job name all of this launcher's jobs carry (for {@code squeue --name}). */
    public String jobName() {
        return setup().jobs().name();
    }

    /** A line about this launcher's allocations: their jobs, how many workers run in each, why one waits. */
    public String status() {
        return setup().jobs().status();
    }

    @Override
    public LaunchedWorker launch(LaunchSpec spec) throws IOException {
        Setup s = setup();
        s.commands().checkSrun();
        SlurmJobs jobs = s.jobs();
        jobs.guard();
        SlurmWorker w;
        SlurmAllocation allocation = null;
        try {
            allocation = jobs.reserve(this::allocationArgs);
            ProcessBuilder pb = s.commands().builder(SlurmWorker.waiting(stepCommand(spec, allocation.jobId())));
            // srun passes its environment to the step (--export=ALL is its default).
            pb.environment().putAll(spec.env());
            w = new SlurmWorker(jobs, allocation, spec.workerId(), javaPath(spec), pb.start(), spec.bootstrap(),
                    s.staging()::ensure);
        } catch (IOException | RuntimeException e) {
            jobs.unguard(allocation);
            throw e;
        }
        jobs.add(w);
        return w;
    }

    @Override
    public int slots() {
        return setup().options().tasks();
    }

    /** The user's jars by the node-local paths {@link SlurmStaging} broadcasts them to before a worker runs. */
    @Override
    public List<String> prepare(List<Path> classpath) throws IOException {
        return setup().staging().map(classpath);
    }

    /** Cancels the group's allocation (the runtime stopped its workers first). */
    @Override
    public void close() {
        Setup s;
        synchronized (this) {
            s = setup;
        }
        if (s != null) {
            s.jobs().close();
        }
    }

    /** The java the job runs: this machine's path, which the nodes must see. */
    private static String javaPath(LaunchSpec spec) {
        return spec.javaHome().resolve("bin").resolve("java").toString();
    }

    /**
     * sbatch's arguments for the group's allocation of {@code tasks} tasks: a job whose batch script
     * only sleeps, holding the resources its workers' steps run in. sbatch, not salloc: it returns
     * the job id at once, without a process to keep, so the queue is watched with squeue like any
     * job, and it is what every Slurm site allows (some forbid interactive salloc on login nodes).
     */
    List<String> allocationArgs(int tasks) {
        Setup s = setup();
        SlurmOptions options = s.options();
        List<String> cmd = new ArrayList<>();
        cmd.add("--parsable");                  // the job id alone (--quiet would hide it too)
        cmd.add("--job-name=" + s.jobs().name());
        cmd.add("--comment=jmp group allocation");
        cmd.add("--ntasks=" + tasks);
        if (options.partition() != null) {
            cmd.add("--partition=" + options.partition());
        }
        if (options.time() != null) {
            cmd.add("--time=" + options.time());
        }
        if (options.cpusPerTask() > 0) {
            cmd.add("--cpus-per-task=" + options.cpusPerTask());
        }
        if (options.mem() != null) {
            // Per CPU: the tasks may be spread over nodes, so a per-node figure cannot be known here.
            cmd.add("--mem-per-cpu=" + SlurmOptions.memPerCpu(options.mem(), options.cpusPerTask()));
        }
        if (options.account() != null) {
            cmd.add("--account=" + options.account());
        }
        cmd.addAll(options.extra());
        // The batch script runs on the first node: paths every node has, no output file left behind.
        cmd.add("--chdir=/");
        cmd.add("--output=/dev/null");
        cmd.add("--error=/dev/null");
        cmd.add("--wrap=exec sleep infinity");
        return cmd;
    }

    /** The srun command line of one worker's step in allocation {@code jobId}. */
    List<String> stepCommand(LaunchSpec spec, long jobId) throws IOException {
        Setup s = setup();
        SlurmOptions options = s.options();
        List<String> cmd = new ArrayList<>();
        cmd.add(s.commands().tool("srun"));
        cmd.add("--quiet");                  // the launcher reports the queue itself, with the reason
        cmd.add("--jobid=" + jobId);
        cmd.add("--job-name=" + spec.workerId());   // the step's name: how squeue --steps finds it
        cmd.add("--ntasks=1");
        cmd.add("--nodes=1");
        cmd.add("--exact");                  // only its own task's CPUs, so the allocation's other tasks stay free
        if (options.cpusPerTask() > 0) {
            cmd.add("--cpus-per-task=" + options.cpusPerTask());
        }
        if (options.mem() != null) {
            cmd.add("--mem=" + options.mem());
        }
        if (spec.workDir() != null) {
            cmd.add("--chdir=" + spec.workDir());
        }
        // The runtime's jars, too, by the paths they are broadcast to.
        List<String> run = new ArrayList<>(spec.javaCommand());
        run.set(run.indexOf("-cp") + 1, String.join(java.io.File.pathSeparator, s.staging().map(spec.classpath())));
        if (options.stage() != null) {
            // The node's workers share the notebook classes they fetch, beside the staged jars.
            run.add(1, "-Djmp.classCache=" + options.stage().replaceAll("/+$", "") + "/jmp-classes-"
                    + System.getProperty("user.name"));
        }
        cmd.addAll(run);
        return cmd;
    }
}
