package dev.jmp.launch.slurm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How Slurm workers are asked for. Built from string options ({@link #from(Map)}: the form a
 * magic's or a config file's options take) or from {@code -Djmp.slurm.<key>} system properties
 * ({@link #fromSystemProperties()}). Every value is checked when it is given, with a sentence that
 * says what was wrong and what is accepted, so a typo fails at once instead of as a job that never
 * starts.
 *
 * @param partition     {@code --partition}, or {@code null} for the cluster's default
 * @param time          {@code --time} (a Slurm time limit such as {@code 2:00:00}), or {@code null}
 * @param cpusPerTask   {@code --cpus-per-task}, or 0 for the cluster's default
 * @param mem           {@code --mem} (such as {@code 8G}), or {@code null}
 * @param account       {@code --account}, or {@code null}
 * @param tasks         how many workers the group's one allocation holds ({@code --ntasks} of the job the
 *                      workers run in as steps; {@code %cluster start ... -n N}), or 0 for one per allocation
 * @param extra         further {@code sbatch} options for the allocation, passed as given
 * @param queueTimeout  how long a job may wait in the queue before it is cancelled; zero waits forever
 * @param poll          how often {@code squeue} is asked about waiting and running jobs
 * @param bin           the folder of {@code srun}, {@code squeue} and {@code scancel}, or {@code null} for the PATH
 * @param conf          the {@code slurm.conf} to use ({@code SLURM_CONF}), or {@code null} for the default
 * @param stage         the folder on every node that the workers' jars are copied to ({@code sbcast}) before
 *                      they run, or {@code null} ({@code stage=none}) when the nodes see this machine's
 *                      jars at the same paths (a shared home)
 */
public record SlurmOptions(String partition, String time, int cpusPerTask, String mem, String account, int tasks,
                           List<String> extra, Duration queueTimeout, Duration poll, Path bin, Path conf, String stage) {

    /** The prefix of the system properties read by {@link #fromSystemProperties()}. */
    public static final String PROPERTY_PREFIX = "jmp.slurm.";

    /** The keys {@link #from(Map)} accepts. */
    public static final List<String> KEYS = List.of("n", "partition", "time", "cpus-per-task", "mem", "account", "extra",
            "queue-timeout", "poll", "bin", "conf", "stage");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.+-]{1,64}");
    // Slurm's time formats: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S.
    private static final Pattern TIME = Pattern.compile("\\d{1,7}(:\\d{1,2}){0,2}|\\d{1,4}-\\d{1,2}(:\\d{1,2}){0,2}");
    private static final Pattern STAGE = Pattern.compile("/[A-Za-z0-9_./+-]{0,255}");
    private static final Pattern MEM = Pattern.compile("[1-9]\\d{0,9}[KMGT]?");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");
    // Options the launcher sets itself: the allocation's tasks, name and output, and its steps.
    private static final Set<String> OWN = Set.of("-n", "--ntasks", "-N", "--nodes", "-i", "--input", "-o", "--output",
            "-e", "--error", "-J", "--job-name", "--comment", "--pty", "-D", "--chdir", "--jobid", "--het-group",
            "--wrap", "--parsable", "-a", "--array", "-W", "--wait");

    /** Checks the options as a record built by hand. */
    public SlurmOptions {
        extra = List.copyOf(extra);
        if (cpusPerTask < 0) {
            throw new IllegalArgumentException("slurm cpus-per-task " + cpusPerTask + " is negative; give a count of 1 or more");
        }
        if (tasks < 0) {
            throw new IllegalArgumentException("slurm n " + tasks + " is negative; give a worker count of 1 or more");
        }
        if (queueTimeout.isNegative() || poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("slurm queue-timeout must not be negative and poll must be positive");
        }
    }

    /** These options with another worker count (a group's resize). */
    public SlurmOptions withTasks(int n) {
        return new SlurmOptions(partition, time, cpusPerTask, mem, account, n, extra, queueTimeout, poll, bin, conf, stage);
    }

    /** The defaults: the cluster's defaults for the job, a 10-minute queue timeout, {@code squeue} every 2 s. */
    public static SlurmOptions defaults() {
        return new SlurmOptions(null, null, 0, null, null, 0, List.of(), Duration.ofMinutes(10), Duration.ofSeconds(2),
                null, null, SlurmStaging.NODE_DIR);
    }

    /**
     * Reads options from {@code -Djmp.slurm.<key>} system properties (keys as in {@link #from(Map)}).
     *
     * @throws IllegalArgumentException naming the property whose value is wrong
     */
    public static SlurmOptions fromSystemProperties() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String key : KEYS) {
            String v = System.getProperty(PROPERTY_PREFIX + key);
            if (v != null) {
                map.put(key, v);
            }
        }
        return from(map, PROPERTY_PREFIX);
    }

    /**
     * Reads options from strings: {@code n} (the workers of the group's one allocation, 1 to 4096),
     * {@code partition}, {@code time} ({@code 30}, {@code 1:30:00},
     * {@code 2-12:00:00}), {@code cpus-per-task}, {@code mem} ({@code 512M}, {@code 8G}),
     * {@code account}, {@code extra} (further srun options separated by spaces, each starting with
     * {@code -}), {@code queue-timeout} and {@code poll} ({@code 90}, {@code 90s}, {@code 500ms},
     * {@code 5m}, {@code 1h}; a plain number is seconds; a queue timeout of 0 waits forever),
     * {@code bin} (the folder of srun) and {@code conf} (a slurm.conf).
     *
     * @throws IllegalArgumentException for an unknown key or a wrong value, saying what is accepted
     */
    public static SlurmOptions from(Map<String, String> options) {
        return from(options, "");
    }

    private static SlurmOptions from(Map<String, String> options, String prefix) {
        SlurmOptions d = defaults();
        String partition = d.partition();
        String time = d.time();
        int cpus = d.cpusPerTask();
        String mem = d.mem();
        String account = d.account();
        int tasks = d.tasks();
        List<String> extra = d.extra();
        Duration queueTimeout = d.queueTimeout();
        Duration poll = d.poll();
        Path bin = d.bin();
        Path conf = d.conf();
        String stage = d.stage();
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey();
            String v = e.getValue() == null ? "" : e.getValue().strip();
            String what = "slurm option " + prefix + key + "=" + v;
            switch (key) {
                case "partition" -> partition = name(what, v, "a partition name");
                case "account" -> account = name(what, v, "an account name");
                case "time" -> time = check(what, v, TIME, "a Slurm time limit: minutes, M:S, H:M:S, D-H, D-H:M or D-H:M:S");
                case "mem" -> mem = check(what, v, MEM, "a memory size: a number with an optional unit K, M, G or T (8G)");
                case "cpus-per-task" -> cpus = count(what, v, "a CPU count");
                case "n" -> tasks = count(what, v, "a worker count");
                case "extra" -> extra = extra(what, v);
                case "queue-timeout" -> queueTimeout = duration(what, v, true);
                case "poll" -> poll = duration(what, v, false);
                case "bin" -> bin = v.isEmpty() ? null : Path.of(v);
                case "conf" -> conf = v.isEmpty() ? null : Path.of(v);
                case "stage" -> stage = v.equals("none") ? null : check(what, v, STAGE,
                        "an absolute folder that exists on every node (jars are copied there), or none (a shared home)");
                default -> throw new IllegalArgumentException("unknown slurm option " + prefix + key
                        + "; known options: " + String.join(", ", KEYS));
            }
        }
        return new SlurmOptions(partition, time, cpus, mem, account, tasks, extra, queueTimeout, poll, bin, conf, stage);
    }

    private static String name(String what, String v, String expected) {
        return check(what, v, NAME, expected + " (letters, digits, and _ . + -)");
    }

    private static String check(String what, String v, Pattern p, String expected) {
        if (!p.matcher(v).matches()) {
            throw new IllegalArgumentException(what + " is not " + expected);
        }
        return v;
    }

    private static int count(String what, String v, String expected) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 4096) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(what + " is not " + expected + " from 1 to 4096");
    }

    private static Duration duration(String what, String v, boolean zeroAllowed) {
        var m = DURATION.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            Duration d = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
            if (zeroAllowed || !d.isZero()) {
                return d;
            }
        }
        throw new IllegalArgumentException(what + " is not a duration such as 90, 90s, 500ms, 5m or 1h"
                + (zeroAllowed ? " (0 waits forever)" : " (more than zero)"));
    }

    /**
     * The memory of one CPU when each worker asks for {@code mem} on {@code cpus} CPUs, in Slurm's
     * form ({@code 4096M}): an allocation asks per CPU, so its workers may land on any of its nodes.
     */
    static String memPerCpu(String mem, int cpus) {
        boolean unitGiven = !Character.isDigit(mem.charAt(mem.length() - 1));
        char unit = unitGiven ? mem.charAt(mem.length() - 1) : 'M';     // Slurm's default unit is MiB
        long n = Long.parseLong(unitGiven ? mem.substring(0, mem.length() - 1) : mem);
        long mib = switch (unit) {
            case 'K' -> (n + 1023) / 1024;
            case 'G' -> n * 1024;
            case 'T' -> n * 1024 * 1024;
            default -> n;
        };
        int c = Math.max(1, cpus);
        return Math.max(1, (mib + c - 1) / c) + "M";
    }

    private static List<String> extra(String what, String v) {
        List<String> out = new ArrayList<>();
        for (String arg : v.isEmpty() ? new String[0] : v.split("\\s+")) {
            if (!arg.startsWith("-")) {
                throw new IllegalArgumentException(what + ": '" + arg + "' is not an sbatch option; extra takes options"
                        + " such as --constraint=gpu --qos=long, each starting with -");
            }
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (OWN.contains(flag) || flag.matches("-[nNioeJD].+")) {
                throw new IllegalArgumentException(what + ": " + flag + " is set by jmp itself (one allocation of n tasks per"
                        + " group, each worker a step with its input and output through srun); leave it out");
            }
            out.add(arg);
        }
        return out;
    }
}
