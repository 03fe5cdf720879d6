package dev.jmp.internal.supervisor;

import dev.jmp.internal.service.ChannelService;
import dev.jmp.internal.service.LocalServiceClient;
import dev.jmp.internal.service.ParentForwarder;
import dev.jmp.internal.service.QueueService;
import dev.jmp.internal.service.ServiceClient;
import dev.jmp.internal.service.ServiceClients;
import dev.jmp.internal.service.ServiceRegistry;
import dev.jmp.internal.wire.Hub;
import dev.jmp.internal.wire.WireCodec;
import dev.jmp.internal.wire.WireKey;
import dev.jmp.internal.wire.message.StatsReply;
import dev.jmp.internal.worker.ProgramEnd;
import dev.jmp.launch.Launcher;
import dev.jmp.launch.Launchers;
import dev.jmp.spi.Daemons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private final ServiceRegistry services = new ServiceRegistry();
    private final LocalServiceClient local = new LocalServiceClient(services);
    private final RuntimeMembers members = new RuntimeMembers();
    private final StatsRequests stats = new StatsRequests();
    private final ExecutorService helpers = Executors.newCachedThreadPool(Daemons.factory("jmp-supervisor"));
    private final ScheduledExecutorService timer = Daemons.timer("jmp-supervisor-timer");
    private final AtomicLong ids = new AtomicLong();
    private final WorkerSpawner spawner;
    private final Launcher launcher;
    private final WarmSet<WorkerHandle> warm;
    private final Thread exitHook = new Thread(this::atJvmExit, "jmp-exit");
    private volatile boolean closed;
    private volatile String failure;
    // In a worker, the end of a Process body or %%spawn body ends this runtime's children as the
    // JVM's exit would (the worker leaves by halt, which runs no shutdown hook).
    private final ProgramEnd.Children programEnd = members.atProgramEnd(this::close);
    private final ChannelService channels;

    private Supervisor(RuntimeSettings settings) {
        this.settings = settings;
        this.launcher = Launchers.byName(settings.launcher());
        launcher.configure(settings.launcherOptions());
        // Workers on other hosts reach the parent off loopback, and then only through CURVE.
        String address = launcher.parentAddress();
        this.hub = address == null ? new Hub(key, WireCodec.standard(), settings.wireSecurity())
                : new Hub(key, WireCodec.standard(), dev.jmp.internal.wire.WireSecurity.CURVE, address);
        // A runtime inside a worker serves its children what an ancestor hosts by asking its parent.
        ServiceClient parent = ServiceClients.installed();
        if (parent != null) {
            services.setFallback(new ParentForwarder(parent));
        }
        this.spawner = new WorkerSpawner(this, key, launcher, new CdsArchive(settings), helpers);
        HubHandlers handlers = new HubHandlers(HubHost.of(this));
        handlers.register(hub);
        hub.onMessagesLost(handlers::onGap);
        hub.onFailure(this::wireFailed);
        QueueService.register(services);
        this.channels = ChannelService.register(services, key, WireCodec.standard());
        members.add(RuntimeMember.daemon(channels::close));
        hub.every(settings.parentHeartbeatMillis(), handlers::heartbeat);
        this.warm = new WarmSet<>(new WarmHost(this));
        Runtime.getRuntime().addShutdownHook(exitHook);
        ProgramEnd.register(programEnd);
        WorkerSpawner.sweepDeadOwners(settings);
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
                "jmp: " + why + "; stopping its " + spawner.live().size() + " workers; the next use starts a fresh runtime");
        helpers.execute(() -> {
            // Their owners hear of each exit, with the reason, before the runtime closes.
            spawner.loseAll("could not be reached: " + why, 5000);
            close();
        });
    }

    /** Why this runtime failed (see {@link #wireFailed}), or null. */
    public String failure() {
        return failure;
    }

    /** The live worker with this id, or {@code null}. */
    WorkerHandle worker(String id) {
        return spawner.worker(id);
    }

    void completeStats(StatsReply reply) {
        stats.complete(reply);
    }

    @Override
    public void schedule(Runnable r, long delayMillis) {
        if (!closed) {
            try {
                timer.schedule(r, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // shut down meanwhile: what it would have done, the shutdown did
            }
        }
    }

    /** Has an idle worker load the functions sent most recently. */
    void prime(WorkerHandle w) {
        spawner.prime(w);
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
        return spawner.spawn(options, owner, useArchive);
    }

    /**
     * The user's classpath entries as workers see them: the launcher stages them where its workers
     * run (for workers on this host, their absolute paths).
     */
    public List<String> workerPaths(List<Path> entries) {
        try {
            return launcher.prepare(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + entries + " available to the workers: " + e.getMessage(), e);
        }
    }

    /** The launcher of this runtime. */
    public Launcher launcher() {
        return launcher;
    }

    /** Whether workers run on this host, where each side watches the other's process. */
    boolean workersOnThisHost() {
        return spawner.onThisHost();
    }

    /** Asks a worker for its counters and resource use. */
    public CompletableFuture<StatsReply> stats(WorkerHandle w) {
        return stats.ask(w, nextId());
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
        members.atJvmExit();
        stop(true);
    }

    private void stop(boolean jvmExit) {
        closed = true;
        members.terminateAll();
        spawner.stopAll("the jmp runtime shut down", 3000);
        spawner.stopArchiveWork();
        hub.close();
        try {
            launcher.close();
        } catch (RuntimeException e) {
            System.getLogger("dev.jmp.supervisor").log(System.Logger.Level.WARNING,
                    "jmp: the " + launcher.name() + " launcher failed to close: " + e.getMessage());
        }
        timer.shutdownNow();
        spawner.deleteProgressFiles();
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
        return List.copyOf(spawner.live());
    }

    /** The pid of every worker this supervisor ever started (for tests that check none outlive them). */
    public List<Long> launchedPids() {
        return spawner.launchedPids();
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
