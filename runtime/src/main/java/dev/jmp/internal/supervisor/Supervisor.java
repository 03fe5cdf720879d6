package dev.jmp.internal.supervisor;

import dev.jmp.launch.LaunchSpec;
import dev.jmp.launch.LaunchedWorker;
import dev.jmp.launch.Launcher;
import dev.jmp.launch.Launchers;
import dev.jmp.internal.service.ChannelService;
import dev.jmp.internal.service.LocalServiceClient;
import dev.jmp.internal.service.ServiceClient;
import dev.jmp.internal.service.ServiceRegistry;
import dev.jmp.internal.wire.Hub;
import dev.jmp.internal.wire.WireCodec;
import dev.jmp.internal.wire.WireKey;
import dev.jmp.internal.wire.message.StatsReply;
import dev.jmp.internal.wire.message.StatsRequest;
import dev.jmp.internal.worker.WorkerBootstrap;
import dev.jmp.internal.worker.ProgramEnd;
import dev.jmp.internal.worker.WorkerMain;
import dev.jmp.launch.LaunchSpec;
import dev.jmp.launch.LaunchedWorker;
import dev.jmp.launch.Launcher;
import dev.jmp.launch.Launchers;
import dev.jmp.spi.Daemons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Owns every worker of this JVM: starts them through the launcher, connects them through the
 * hub, serves their classes and service calls, watches heartbeats and exits, routes their
 * output, and stops them all when the runtime shuts down. One per runtime ({@code dev.jmp.JmpRuntime});
 * a JVM may run several, each with its own hub, key, services and workers. Whoever holds one
 * passes it on: nothing reaches a supervisor through a static.
 */
public final class Supervisor implements TaskWorkers {

    private final RuntimeSettings settings;
    private final WireKey key = WireKey.random();
    private final Hub hub;
    private final Launcher launcher;
    private final ServiceRegistry services = new ServiceRegistry();
    private final LocalServiceClient local = new LocalServiceClient(services);
    private final Map<String, WorkerHandle> workers = new ConcurrentHashMap<>();
    private final List<Long> launchedPids = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<RuntimeMember> members = new CopyOnWriteArrayList<>();
    private final Map<Long, CompletableFuture<StatsReply>> stats = new ConcurrentHashMap<>();
    private final ExecutorService helpers = Executors.newCachedThreadPool(Daemons.factory("jmp-supervisor"));
    private final java.util.concurrent.ScheduledExecutorService timer =
            Daemons.timer("jmp-supervisor-timer");
    private final AtomicLong ids = new AtomicLong();
    private final WarmSet<WorkerHandle> warm;
    private final CdsArchive cds;
    private final Thread exitHook = new Thread(this::atJvmExit, "jmp-exit");
    private volatile boolean closed;
    private volatile String failure;
    private final ProgressFiles progressFiles = new ProgressFiles();
    private final LaunchQueue launches;
    // In a worker, the end of a Process body or %%spawn body ends this runtime's children as the
    // JVM's exit would (the worker leaves by halt, which runs no shutdown hook).
    private final ProgramEnd.Children programEnd = new ProgramEnd.Children() {
        @Override
        public boolean joinNonDaemon() {
            boolean joined = false;
            for (RuntimeMember m : members) {
                if (!m.daemonAtExit()) {
                    m.joinAtExit();
                    // progress only when the member left: one that stays cannot loop the caller
                    joined |= !members.contains(m);
                }
            }
            return joined;
        }

        @Override
        public void end() {
            close();
        }
    };
    private final ChannelService channels;

    private Supervisor(RuntimeSettings settings) {
        this.settings = settings;
        this.launcher = Launchers.byName(settings.launcher());
        this.hub = new Hub(key, WireCodec.standard(), settings.wireSecurity());
        // A runtime inside a worker serves its children what an ancestor hosts by asking its parent.
        ServiceClient parent = dev.jmp.internal.service.ServiceClients.installed();
        if (parent != null) {
            services.setFallback(new dev.jmp.internal.service.ParentForwarder(parent));
        }
        this.cds = new CdsArchive(settings);
        this.launches = new LaunchQueue(settings.launchSlots(), helpers);
        HubHandlers handlers = new HubHandlers(this);
        handlers.register();
        hub.onMessagesLost(handlers::onGap);
        hub.onFailure(this::wireFailed);
        dev.jmp.internal.service.QueueService.register(services);
        this.channels = ChannelService.register(services, key, WireCodec.standard());
        members.add(RuntimeMember.daemon(channels::close));
        hub.every(settings.parentHeartbeatMillis(), handlers::heartbeat);
        this.warm = new WarmSet<>(new WarmHost(this));
        Runtime.getRuntime().addShutdownHook(exitHook);
        ProgramEnd.register(programEnd);
        sweepDeadOwners(settings);
    }

    /**
     * Removes what runtimes killed before they could clean up left behind (their progress
     * directories, an archive in training); the files of live runtimes stay.
     */
    private static void sweepDeadOwners(RuntimeSettings settings) {
        ProgressFiles.sweepDead(Path.of(System.getProperty("java.io.tmpdir")));
        CdsArchive.sweepDead(settings.cacheDir());
    }

    /**
     * Starts a runtime's supervisor: its hub, services and timers, and the warm set's first
     * workers.
     *
     * @param settings the runtime's settings ({@link RuntimeSettings#global()} for the default runtime)
     * @return the running supervisor; {@link #close()} stops it
     */
    public static Supervisor start(RuntimeSettings settings) {
        Supervisor s = new Supervisor(settings);
        s.warm.refill();
        return s;
    }

    /** Stops this supervisor: terminates every member and kills every worker. */
    public void close() {
        if (closed) {
            return;
        }
        ProgramEnd.unregister(programEnd);
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException e) {
            // the JVM is already exiting
        }
        stop(false);
    }

    /**
     * The hub can no longer move frames (its JeroMQ thread died, its receive thread failed):
     * every worker is unreachable, so each is killed with the reason (its runs fail with it, at
     * once, instead of waiting for a heartbeat timeout per cell), and the runtime shuts down; the
     * default runtime starts afresh on its next use.
     */
    private void wireFailed(String reason) {
        String why = "the runtime's connection to its workers failed: its hub " + reason;
        failure = why;
        System.getLogger("dev.jmp.supervisor").log(System.Logger.Level.ERROR,
                "jmp: " + why + "; stopping its " + workers.size() + " workers; the next use starts a fresh runtime");
        helpers.execute(() -> {
            List<WorkerHandle> lost = List.copyOf(workers.values());
            for (WorkerHandle w : lost) {
                w.markLost("could not be reached: " + why);
            }
            // Their owners hear of each exit, with the reason, before the runtime closes.
            for (WorkerHandle w : lost) {
                try {
                    w.exited().get(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    // close() below kills what is left
                }
            }
            close();
        });
    }

    /** Why this runtime failed (see {@link #wireFailed}), or null. */
    public String failure() {
        return failure;
    }

    /** The live worker with this id, or {@code null}. */
    WorkerHandle worker(String id) {
        return workers.get(id);
    }

    void completeStats(StatsReply reply) {
        CompletableFuture<StatsReply> f = stats.remove(reply.requestId());
        if (f != null) {
            f.complete(reply);
        }
    }

    void schedule(Runnable r, long delay, java.util.concurrent.TimeUnit unit) {
        if (!closed) {
            try {
                timer.schedule(r, delay, unit);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // shut down meanwhile: what it would have done, the shutdown did
            }
        }
    }

    @Override
    public void schedule(Runnable r, long delayMillis) {
        schedule(r, delayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private final FunctionPrimer primer = new FunctionPrimer();

    /** Remembers a function just sent, so warm workers can load it before they are needed. */
    void noteFunction(ShippedFunction fn) {
        primer.note(fn);
    }

    /** Has an idle worker load the functions sent most recently. */
    void prime(WorkerHandle w) {
        primer.prime(this, w);
    }

    /** A new id for a job or task, unique in this runtime. */
    @Override
    public long nextId() {
        return ids.incrementAndGet();
    }

    /**
     * Returns a worker for {@code owner}: a warm one when the options are the defaults and one is
     * available, otherwise a new one. The worker may still be connecting; messages wait for it.
     */
    @Override
    public WorkerHandle acquire(WorkerOptions options, WorkerOwner owner) {
        ensureOpen();
        if (options.isDefault()) {
            WorkerHandle w = warm.take(owner);
            if (w != null) {
                return w;
            }
        }
        return spawn(options, owner);
    }

    /**
     * Starts a new worker for {@code owner}. Its JVM is launched now, or, when as many are starting
     * as the runtime allows ({@link RuntimeSettings#launchSlots()}), once one of them connected.
     */
    public WorkerHandle spawn(WorkerOptions options, WorkerOwner owner) {
        return spawn(options, owner, true);
    }

    WorkerHandle spawn(WorkerOptions options, WorkerOwner owner, boolean useArchive) {
        ensureOpen();
        String id = "w" + ids.incrementAndGet() + "-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        String nonce = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        WorkerHandle w = new WorkerHandle(this, id, nonce, options);
        w.setOwner(owner);
        workers.put(id, w);
        List<String> cp = new ArrayList<>();
        for (Path p : settings.classpath()) {
            cp.add(p.toString());
        }
        Path progress = progressFiles.create(id);
        w.setProgressFile(progress);
        WorkerBootstrap boot = new WorkerBootstrap(id, hub.endpoint(), hub.downEndpoint(), key.toHex(),
                launcher.onThisHost() ? ProcessHandle.current().pid() : 0,
                nonce, settings.workerHeartbeatMillis(), settings.workerSilenceMillis(),
                settings.localSilenceMillis(), cp, progress == null ? null : progress.toString(), hub.admit(id));
        List<Path> classpath = WorkerClasspath.entries();
        List<String> jvm = new ArrayList<>(JvmDefaults.options());
        // The class-data sharing archive belongs to this runtime's own JVM, and is a file on this
        // host: a worker elsewhere (a Slurm job, an SSH host) neither uses it nor trains it.
        boolean archive = useArchive && options.javaHome() == null && launcher.onThisHost();
        if (archive) {
            jvm.addAll(cds.options(classpath));
        }
        jvm.addAll(settings.jvmOptions());
        jvm.addAll(options.jvmOptions());
        Path javaHome = options.javaHome() != null ? options.javaHome() : Path.of(System.getProperty("java.home"));
        LaunchSpec spec = new LaunchSpec(id, javaHome, jvm, classpath,
                WorkerMain.class.getName(), options.env(), null,
                (WireCodec.gson().toJson(boot) + "\n").getBytes(StandardCharsets.UTF_8));
        LaunchQueue.Slot slot;
        try {
            slot = launches.submit(inline -> launch(w, spec, inline));
        } catch (RuntimeException e) {
            workers.remove(id);
            throw e;
        }
        // The slot is held from the launch until the worker connected or ended.
        w.ready().whenComplete((ok, failed) -> slot.release());
        if (w.queued(slot)) {
            abandonLaunch(w);
        }
        if (archive) {
            cds.trainIfMissing(this, classpath);
        }
        return w;
    }

    /** Launches a worker's JVM once it holds a launch slot. */
    private void launch(WorkerHandle w, LaunchSpec spec, boolean inline) {
        LaunchedWorker p;
        try {
            if (closed) {
                throw new IOException("the jmp runtime was shut down");
            }
            p = launcher.launch(spec);
        } catch (IOException e) {
            if (inline) {
                workers.remove(w.id());
                throw new UncheckedIOException("cannot start a worker JVM: " + e.getMessage(), e);
            }
            // Nobody waits in the caller any more: the worker ends, with the reason, as if it had run.
            w.failLaunch("its JVM could not be started: " + e.getMessage());
            helpers.execute(() -> exited(w, 1));
            return;
        }
        launchedPids.add(p.pid());
        int signal = w.attach(p);
        startPump(w, p, true);
        startPump(w, p, false);
        p.onExit().whenComplete((code, err) -> helpers.execute(() -> exited(w, code == null ? -9 : code)));
        if (signal == 9) {
            p.kill();
        } else if (signal != 0) {
            p.terminate();
        }
    }

    /** Ends a worker stopped before its launch began: it never runs, and reports the signal asked for. */
    void abandonLaunch(WorkerHandle w) {
        LaunchQueue.Slot slot = w.launchSlot();
        if (slot != null && slot.cancel()) {
            helpers.execute(() -> exited(w, -w.signalBeforeLaunch()));
        }
    }

    /** Whether workers run on this host, where each side watches the other's process. */
    boolean workersOnThisHost() {
        return launcher.onThisHost();
    }

    private void startPump(WorkerHandle w, LaunchedWorker p, boolean stdout) {
        Daemons.start("jmp-" + (stdout ? "out-" : "err-") + w.id(),
                new OutputPump(w, stdout ? p.stdout() : p.stderr(), stdout, settings.output()));
    }

    private void exited(WorkerHandle w, int code) {
        try {
            if (w.launchedMillis() > 0) {
                w.awaitPumps(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        WorkerExit exit = new WorkerExit(code, w.lastStderr(), w.lostReason(), w.stopAsked(), w.lastItem());
        CompletableFuture<Void> retired = new CompletableFuture<>();
        if (hub.isOpen()) {
            // Results the hub already read are handled before the exit, in its thread's order.
            hub.execute(() -> retired.complete(null));
        } else {
            retired.complete(null);
        }
        retired.completeOnTimeout(null, 2, java.util.concurrent.TimeUnit.SECONDS).join();
        workers.remove(w.id());
        hub.retire(w.id());
        services.peerGone(w.id());
        w.ready().completeExceptionally(new IllegalStateException("worker " + w + " exited before connecting: "
                + exit.describe()));
        WorkerOwner owner = w.owner();
        if (owner != null) {
            owner.onExit(w, exit);
        }
        w.exited().complete(exit);
    }

    /** Asks a worker for its counters and resource use. */
    public CompletableFuture<StatsReply> stats(WorkerHandle w) {
        long id = nextId();
        CompletableFuture<StatsReply> f = new CompletableFuture<>();
        stats.put(id, f);
        w.send(new StatsRequest(id), List.of());
        return f;
    }

    /** Registers something that must be stopped (or joined) when the runtime ends. */
    @Override
    public void addMember(RuntimeMember m) {
        members.add(m);
    }

    /** Forgets a member that ended on its own. */
    @Override
    public void removeMember(RuntimeMember m) {
        members.remove(m);
    }

    private void atJvmExit() {
        for (RuntimeMember m : members) {
            if (m.daemonAtExit()) {
                m.terminateAtExit();
            }
        }
        for (RuntimeMember m : members) {
            if (!m.daemonAtExit()) {
                m.joinAtExit();
            }
        }
        stop(true);
    }

    private void stop(boolean jvmExit) {
        closed = true;
        for (RuntimeMember m : members) {
            m.terminateAtExit();
        }
        members.clear();
        for (WorkerHandle w : workers.values()) {
            w.stop("the jmp runtime shut down", true);
        }
        long deadline = System.currentTimeMillis() + 3000;
        for (WorkerHandle w : workers.values()) {
            try {
                w.exited().get(Math.max(1, deadline - System.currentTimeMillis()),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // reported below if still alive
            }
        }
        hub.close();
        timer.shutdownNow();
        progressFiles.deleteAll();
        if (!jvmExit) {
            helpers.shutdownNow();
        }
    }

    private void ensureOpen() {
        String f = failure;
        if (f != null) {
            throw new IllegalStateException(f);
        }
        if (closed) {
            throw new IllegalStateException("the jmp runtime was shut down");
        }
    }

    /** Whether this supervisor was shut down. */
    @Override
    public boolean isClosed() {
        return closed;
    }

    /**
     * The wire key of this runtime. Only for code inside this process that must speak the
     * protocol itself (tests of the drop counters); it never leaves the process except to workers.
     */
    public WireKey wireKey() {
        return key;
    }

    /** The hub every worker connects to. */
    public Hub hub() {
        return hub;
    }

    /** The parent's end of the call channels (its counters tell what they refused and dropped). */
    public ChannelService channels() {
        return channels;
    }

    /** The services hosted in this process. */
    public ServiceRegistry services() {
        return services;
    }

    /** The parent's own service client. */
    public LocalServiceClient localServices() {
        return local;
    }

    /** The settings in force. */
    public RuntimeSettings settings() {
        return settings;
    }

    /** Live workers. */
    public List<WorkerHandle> workers() {
        return List.copyOf(workers.values());
    }

    /** The pid of every worker this supervisor ever started (for tests that check none outlive them). */
    public List<Long> launchedPids() {
        synchronized (launchedPids) {
            return List.copyOf(launchedPids);
        }
    }

    /** The warm set. */
    public WarmSet<WorkerHandle> warm() {
        return warm;
    }

    /** Runs a blocking job on the supervisor's helper threads. */
    public void execute(Runnable r) {
        helpers.execute(r);
    }
}
