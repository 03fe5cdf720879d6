package dev.jmp.launch.slurm;

import dev.jmp.launch.LaunchSpec;
import dev.jmp.launch.LaunchedWorker;
import dev.jmp.launch.Launcher;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Starts each worker as a Slurm job of one task, through its own {@code srun}: the {@code slurm}
 * launcher. srun waits while the job is queued (the job's pending reason is written to the
 * worker's stderr, and a job that waits longer than the queue timeout is cancelled), then runs the
 * worker JVM on the node Slurm chose, carrying its stdin, stdout and stderr. The worker's Java and
 * classpath are the paths this program uses, so the nodes must see them (a shared filesystem, or
 * the same installation on every node).
 *
 * <p>Stopping a worker signals its job with {@code scancel}; a job still queued is cancelled. No
 * job outlives this program (see {@link SlurmJobs}), and a worker whose srun goes away sees its
 * stdin close and ends, as a local worker does when its parent dies.
 */
public final class SlurmLauncher implements Launcher {

    /** What a launcher works with, made on first use. */
    private record Setup(SlurmOptions options, SlurmCommands commands, SlurmJobs jobs) {
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
            setup = new Setup(options, commands, new SlurmJobs(options, commands, "jmp-" + tag));
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
     * only). Without {@code bind}, jobs must run on this host (they connect to loopback).
     *
     * @throws IllegalArgumentException for an unknown option or a wrong value, naming it
     * @throws IllegalStateException    when this launcher was made with its options, or already used
     */
    @Override
    public synchronized void configure(Map<String, String> options) {
        if (options.isEmpty()) {
            return;
        }
        if (given != null || setup != null) {
            throw new IllegalStateException("this slurm launcher already has its options");
        }
        Map<String, String> rest = new java.util.LinkedHashMap<>(options);
        String address = rest.remove("bind");
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

    /** A line about this launcher's live jobs: how many run, how many wait and why. */
    public String status() {
        return setup().jobs().status();
    }

    @Override
    public LaunchedWorker launch(LaunchSpec spec) throws IOException {
        Setup s = setup();
        s.commands().checkSrun();
        SlurmJobs jobs = s.jobs();
        jobs.guard();
        java.lang.Process srun;
        OutputStream stdin;
        try {
            ProcessBuilder pb = s.commands().builder(command(spec));
            // srun passes its environment to the job (--export=ALL is its default).
            pb.environment().putAll(spec.env());
            srun = pb.start();
            stdin = srun.getOutputStream();
            try {
                // srun holds this until the job runs, then hands it to the worker's stdin.
                stdin.write(spec.bootstrap());
                stdin.flush();
            } catch (IOException e) {
                srun.destroyForcibly();
                throw new IOException("srun for worker " + spec.workerId() + " exited before taking the bootstrap", e);
            }
        } catch (IOException | RuntimeException e) {
            jobs.unguard();
            throw e;
        }
        SlurmWorker w = new SlurmWorker(jobs, spec.workerId(), javaPath(spec), srun, stdin);
        jobs.add(w);
        return w;
    }

    /** The java the job runs: this machine's path, which the nodes must see. */
    private static String javaPath(LaunchSpec spec) {
        return spec.javaHome().resolve("bin").resolve("java").toString();
    }

    /** The srun command line for one worker. */
    List<String> command(LaunchSpec spec) {
        Setup s = setup();
        SlurmOptions options = s.options();
        SlurmJobs jobs = s.jobs();
        List<String> cmd = new ArrayList<>();
        cmd.add(s.commands().tool("srun"));
        cmd.add("--quiet");                  // the launcher reports the queue itself, with the reason
        cmd.add("--job-name=" + jobs.name());
        cmd.add("--comment=" + spec.workerId());
        cmd.add("--ntasks=1");
        cmd.add("--nodes=1");
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
            cmd.add("--mem=" + options.mem());
        }
        if (options.account() != null) {
            cmd.add("--account=" + options.account());
        }
        cmd.addAll(options.extra());
        if (spec.workDir() != null) {
            cmd.add("--chdir=" + spec.workDir());
        }
        cmd.addAll(spec.javaCommand());
        return cmd;
    }
}
