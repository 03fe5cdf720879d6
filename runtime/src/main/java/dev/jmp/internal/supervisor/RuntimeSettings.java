package dev.jmp.internal.supervisor;

import dev.jmp.internal.classes.ClassServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A runtime's configuration. The default runtime's ({@link #global()}) outlives any one
 * {@link Supervisor}, so class sources, output listeners and options set early (by the kernel,
 * say) stay in force after a restart of the default runtime; a runtime of its own gets fresh ones.
 */
public final class RuntimeSettings {

    private static final RuntimeSettings GLOBAL = new RuntimeSettings();

    private final ClassServer classServer;
    private final OutputRouter output;
    /**
     * In a worker, its task loader (results of its own processes may be notebook classes, which
     * only that loader finds); elsewhere the loader of the thread that first used the runtime.
     */
    private volatile ClassLoader resultLoader = dev.jmp.internal.service.ServiceClients.installedValueLoader() != null
            ? dev.jmp.internal.service.ServiceClients.installedValueLoader()
            : Thread.currentThread().getContextClassLoader();
    private volatile List<String> jvmOptions = List.of();
    private volatile List<Path> classpath = List.of();
    private volatile int warmWorkers = Integer.getInteger("jmp.warm", 0);
    private volatile String launcher = System.getProperty("jmp.launcher", "local");
    private volatile java.util.Map<String, String> launcherOptions = java.util.Map.of();
    private final boolean classDataSharing = !Boolean.getBoolean("jmp.nocds");
    private final boolean aheadOfTimeCache = !Boolean.getBoolean("jmp.noaot");
    private volatile Path cacheDir = Path.of(System.getProperty("jmp.cache",
            System.getProperty("user.home") + "/.cache/jmp"));
    private volatile long workerHeartbeatMillis = 500;
    private volatile long workerSilenceMillis = 10_000;
    private volatile long parentHeartbeatMillis = 500;
    private volatile long parentSilenceMillis = 15_000;
    private volatile long startTimeoutMillis = Long.getLong("jmp.startTimeoutMillis", 30_000);
    private volatile long localSilenceMillis = Long.getLong("jmp.localSilenceMillis", 600_000);
    private volatile int launchSlots = Integer.getInteger("jmp.launchSlots", LaunchQueue.defaultLimit());
    private volatile dev.jmp.internal.wire.WireSecurity wireSecurity =
            dev.jmp.internal.wire.WireSecurity.of(System.getProperty("jmp.wireSecurity", "token"));

    /** Fresh settings (the defaults and the {@code jmp.*} system properties), for a runtime of its own. */
    public RuntimeSettings() {
        this.classServer = new ClassServer();
        this.output = new OutputRouter();
    }

    /**
     * Settings for another runtime of the same program (a group of remote workers beside the
     * default runtime): they share its class sources and output listeners, so its workers see the
     * notebook's classes and their output reaches the same cells, and start with its result loader,
     * classpath and JVM options.
     */
    public RuntimeSettings(RuntimeSettings like) {
        this.classServer = like.classServer;
        this.output = like.output;
        this.resultLoader = like.resultLoader;
        this.classpath = like.classpath;
        this.jvmOptions = like.jvmOptions;
    }

    /** The settings of the default runtime. */
    public static RuntimeSettings global() {
        return GLOBAL;
    }

    /** Where workers' missing classes come from. */
    public ClassServer classServer() {
        return classServer;
    }

    /** Where worker output goes. */
    public OutputRouter output() {
        return output;
    }

    /** The loader results and received values are deserialized with in the parent. */
    public ClassLoader resultLoader() {
        ClassLoader l = resultLoader;
        return l != null ? l : ClassLoader.getSystemClassLoader();
    }

    /** Sets the loader results are deserialized with. */
    public void setResultLoader(ClassLoader loader) {
        this.resultLoader = loader;
        classServer.addLoader(loader);
    }

    /** JVM options every new worker gets. */
    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /** Sets the JVM options every new worker gets. */
    public void setJvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
    }

    /** Jars and directories on every worker's task classpath. */
    public List<Path> classpath() {
        return classpath;
    }

    /** Adds jars or directories to every worker's task classpath. */
    public synchronized void addClasspath(List<Path> paths) {
        List<Path> all = new ArrayList<>(classpath);
        for (Path p : paths) {
            Path a = p.toAbsolutePath();
            if (!all.contains(a)) {
                all.add(a);
            }
        }
        classpath = List.copyOf(all);
    }

    /** Forgets the jars added for workers (new workers start without them). */
    public synchronized void clearClasspath() {
        classpath = List.of();
    }

    /** How many idle workers are kept started. */
    public int warmWorkers() {
        return warmWorkers;
    }

    /** Sets how many idle workers are kept started. */
    public void setWarmWorkers(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("the warm set size must be >= 0, not " + n);
        }
        this.warmWorkers = n;
    }

    /** The launcher's short name. */
    public String launcher() {
        return launcher;
    }

    /** Chooses the launcher by short name (takes effect at the next runtime start). */
    public void setLauncher(String name) {
        setLauncher(name, java.util.Map.of());
    }

    /** Chooses the launcher by short name, with its options (takes effect at the next runtime start). */
    public void setLauncher(String name, java.util.Map<String, String> options) {
        this.launcherOptions = java.util.Map.copyOf(options);
        this.launcher = name;
    }

    /** The launcher's options (empty for none). */
    public java.util.Map<String, String> launcherOptions() {
        return launcherOptions;
    }

    /** Whether workers use a class-data sharing archive. */
    public boolean classDataSharing() {
        return classDataSharing;
    }

    /**
     * Whether workers on Java 25 or later use the ahead-of-time cache; with {@code -Djmp.noaot=true}
     * they use a dynamic class-data sharing archive, as older releases do.
     */
    public boolean aheadOfTimeCache() {
        return aheadOfTimeCache;
    }

    /** Where the runtime caches things between runs (the class-data sharing archive). */
    public Path cacheDir() {
        return cacheDir;
    }

    /** How often a worker sends heartbeats. */
    public long workerHeartbeatMillis() {
        return workerHeartbeatMillis;
    }

    /** Silence from the parent after which a worker exits. */
    public long workerSilenceMillis() {
        return workerSilenceMillis;
    }

    /** How often the parent sends heartbeats. */
    public long parentHeartbeatMillis() {
        return parentHeartbeatMillis;
    }

    /** Silence from a worker after which the parent kills it. */
    public long parentSilenceMillis() {
        return parentSilenceMillis;
    }

    /**
     * How long a worker may take from its launch until it connects before it is killed. The time
     * it waits for a launch slot (see {@link #launchSlots()}) does not count.
     */
    public long startTimeoutMillis() {
        return startTimeoutMillis;
    }

    /**
     * Sets how long a worker may take to connect; one that takes longer is killed, and whoever
     * waits for it learns so (a pool replaces it, and gives up after a few such failures).
     */
    public void setStartTimeoutMillis(long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("the start timeout must be positive, not " + millis + " ms");
        }
        startTimeoutMillis = millis;
    }

    /**
     * How long a worker on this host and its parent tolerate silence from each other while both
     * processes are alive. Silence between live local processes is load (a swapping machine, a
     * stopped process), not death, which each side sees directly: the worker watches its parent's
     * pid and the parent its child's exit. So the heartbeat timeouts apply to remote peers, and
     * this much longer bound only catches a wedged peer; 10 minutes unless
     * {@code -Djmp.localSilenceMillis} says otherwise.
     */
    public long localSilenceMillis() {
        return localSilenceMillis;
    }

    /** Sets the silence bound between live local processes (see {@link #localSilenceMillis()}). */
    public void setLocalSilenceMillis(long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("the local silence bound must be positive, not " + millis + " ms");
        }
        localSilenceMillis = millis;
    }

    /**
     * How many worker JVMs may be starting (launched, not yet connected) at once; the others wait
     * in order, and their start timeout runs from their launch. One per core, at least 2, unless
     * {@code -Djmp.launchSlots} says otherwise; takes effect at the next runtime start.
     */
    public int launchSlots() {
        return launchSlots;
    }

    /** Sets how many worker JVMs may be starting at once (see {@link #launchSlots()}). */
    public void setLaunchSlots(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("at least 1 worker must be allowed to start at a time, not " + n);
        }
        launchSlots = n;
    }

    /** Sets the heartbeat periods and timeouts. */
    public void setHeartbeats(long workerEvery, long workerTimeout, long parentEvery, long parentTimeout) {
        if (workerEvery <= 0 || parentEvery <= 0 || workerTimeout <= workerEvery || parentTimeout <= workerEvery) {
            throw new IllegalArgumentException("heartbeat periods must be positive and timeouts longer than periods");
        }
        workerHeartbeatMillis = workerEvery;
        workerSilenceMillis = workerTimeout;
        parentHeartbeatMillis = parentEvery;
        parentSilenceMillis = parentTimeout;
    }

    /**
     * How workers authenticate to the hub in the ZeroMQ handshake: {@code token} (the default on
     * loopback) or {@code curve} (encrypted; required once workers connect from other hosts), as
     * {@code -Djmp.wireSecurity} says unless set here; takes effect at the next runtime start.
     */
    public dev.jmp.internal.wire.WireSecurity wireSecurity() {
        return wireSecurity;
    }

    /** Sets how workers authenticate to the hub (see {@link #wireSecurity()}). */
    public void setWireSecurity(dev.jmp.internal.wire.WireSecurity security) {
        wireSecurity = java.util.Objects.requireNonNull(security, "security");
    }
}
