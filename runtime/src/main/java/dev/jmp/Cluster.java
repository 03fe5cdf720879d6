package dev.jmp;

import dev.jmp.launch.ClusterDefinitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A named group of workers started by a launcher other than this host's, such as {@code ssh}:
 * a runtime of its own that shares the program's classes, output and jars with the default
 * runtime. Pools and processes run on it when given its runtime; in a notebook, {@code --on NAME}.
 *
 * <pre>{@code
 * Cluster lab = Cluster.start("lab", "ssh", Map.of("hosts", "node1,node2:4"));
 * try (Pool pool = Pool.builder().runtime(lab.runtime()).processes(lab.slots()).build()) {
 *     pool.map(x -> x * x, List.of(1, 2, 3));
 * }
 * Cluster.stop("lab");
 * }</pre>
 *
 * A group without a name stays local: nothing changes for code that never names one.
 */
public final class Cluster {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Map<String, Cluster> CLUSTERS = new LinkedHashMap<>();
    private final String name;
    private final String launcher;
    private volatile Map<String, String> options;
    private final JmpRuntime runtime;

    private Cluster(String name, String launcher, Map<String, String> options, JmpRuntime runtime) {
        this.name = name;
        this.launcher = launcher;
        this.options = Map.copyOf(options);
        this.runtime = runtime;
    }

    /**
     * Starts a group: checks the launcher's options, then starts its runtime, listening where the
     * launcher's hosts reach it (CURVE-encrypted off loopback). Workers start when a pool or
     * process asks for them.
     *
     * @param name     the group's name: a letter, then letters, digits, '_' or '-' (at most 64)
     * @param launcher the launcher's short name, such as {@code ssh}
     * @param options  the launcher's options, such as {@code hosts=node1,node2:4}
     * @return the running group
     * @throws IllegalArgumentException for a bad or taken name, an unknown launcher or a bad option
     */
    public static Cluster start(String name, String launcher, Map<String, String> options) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad cluster name '" + name + "': a letter, then letters, digits, '_' or '-'"
                    + " (at most 64)");
        }
        synchronized (CLUSTERS) {
            if (CLUSTERS.containsKey(name)) {
                throw new IllegalArgumentException("a cluster named '" + name + "' is running; stop it first or choose another name");
            }
            JmpRuntime rt = JmpRuntime.builderLikeDefault().launcher(launcher, options).build();
            // Shared objects and managers live in the default runtime: calls for them reach it from here.
            rt.supervisor().services().setFallback(new dev.jmp.internal.service.ParentForwarder(new DefaultRuntimeServices()));
            Cluster c = new Cluster(name, launcher, options, rt);
            CLUSTERS.put(name, c);
            return c;
        }
    }

    /**
     * Starts a group defined in the shared definitions file ({@link ClusterDefinitions}, by default
     * {@code ~/.jmp/clusters.json}), as {@link #start(String, String, Map)} would with its options.
     *
     * @param name the group's name in the file
     * @return the running group
     * @throws IllegalArgumentException for a name the file does not define, a bad file, or a bad option
     */
    public static Cluster start(String name) {
        return start(name, Map.of());
    }

    /**
     * Starts a group defined in the shared definitions file, with some of its options replaced.
     *
     * @param name      the group's name in the file
     * @param overrides options that replace the file's (a {@code launcher} entry replaces its launcher)
     * @return the running group
     * @throws IllegalArgumentException for a name the file does not define, a bad file, or a bad option
     */
    public static Cluster start(String name, Map<String, String> overrides) {
        Map<String, String> options = new LinkedHashMap<>(ClusterDefinitions.load().resolve(name, overrides));
        String launcher = options.remove("launcher");
        return start(name, launcher, options);
    }

    /**
     * The running group called {@code name}.
     *
     * @throws IllegalArgumentException naming the running groups if there is none by that name
     */
    public static Cluster get(String name) {
        synchronized (CLUSTERS) {
            Cluster c = CLUSTERS.get(name);
            if (c == null || c.runtime.isClosed()) {
                CLUSTERS.remove(name);
                throw new IllegalArgumentException("no cluster named '" + name + "'; running: "
                        + (CLUSTERS.isEmpty() ? "none (start one with %cluster start NAME --launcher ssh --hosts ...)"
                        : String.join(", ", CLUSTERS.keySet())));
            }
            return c;
        }
    }

    /** The running groups, in the order they were started. */
    public static List<Cluster> list() {
        synchronized (CLUSTERS) {
            CLUSTERS.values().removeIf(c -> c.runtime.isClosed());
            return List.copyOf(CLUSTERS.values());
        }
    }

    /**
     * Stops a group: its pools and processes are terminated and its workers killed.
     *
     * @throws IllegalArgumentException naming the running groups if there is none by that name
     */
    public static void stop(String name) {
        Cluster c = get(name);
        synchronized (CLUSTERS) {
            CLUSTERS.remove(name);
        }
        c.runtime.close();
    }

    /**
     * Changes a running group for the workers it starts from now on: an ssh group takes other
     * hosts or workers per host ({@code hosts=node1,node2:4}), user, port, identity or java. Pools
     * and processes running on it keep their workers; a pool started later without a size gets the
     * new {@link #slots()}. Where the group listens ({@code bind}) stays as it started. A Slurm
     * group changes only its worker count ({@code n=64}): growing submits the difference as one
     * more allocation when a worker first needs it; shrinking stops no worker, and an allocation
     * left without workers is cancelled as always.
     *
     * @param name    the running group
     * @param changes the options to replace or add
     * @return the group, with its new options
     * @throws IllegalArgumentException for no such group, no change, {@code bind}, a Slurm option
     *                                  other than {@code n}, or an option its launcher refuses
     *                                  (nothing changes then)
     */
    public static Cluster resize(String name, Map<String, String> changes) {
        Cluster c = get(name);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("nothing to change: give the options to replace, such as hosts=node1,node2:4");
        }
        if (changes.containsKey("bind")) {
            throw new IllegalArgumentException("cluster '" + name + "' listens where it started (bind=" + c.options.get("bind")
                    + "); stop it and start it again to change bind");
        }
        synchronized (CLUSTERS) {
            Map<String, String> merged = new LinkedHashMap<>(c.options);
            merged.putAll(changes);
            c.runtime.supervisor().launcher().configure(merged);
            c.options = Map.copyOf(merged);
            return c;
        }
    }

    /** Adds jars or class folders to the workers of every running group (as {@link Jmp#addClasspath}). */
    static void addClasspathToAll(Path... paths) {
        for (Cluster c : list()) {
            c.runtime.addClasspath(paths);
        }
    }

    /** The group's name. */
    public String name() {
        return name;
    }

    /** The launcher's short name. */
    public String launcher() {
        return launcher;
    }

    /** The launcher's options, sorted by name. */
    public Map<String, String> options() {
        return new TreeMap<>(options);
    }

    /** How many workers the group's hosts are meant to run at once (0 when the launcher sets no number). */
    public int slots() {
        return runtime.supervisor().launcher().slots();
    }

    /** The group's runtime: give it to {@link Pool.Builder#runtime} or {@link Process#runtime}. */
    public JmpRuntime runtime() {
        return runtime;
    }

    /** The group's live workers. */
    public List<dev.jmp.spi.WorkerInfo> workers() {
        return new ArrayList<>(runtime.workers());
    }

    @Override
    public String toString() {
        return "Cluster[" + name + ", " + launcher + " " + options() + "]";
    }
}
