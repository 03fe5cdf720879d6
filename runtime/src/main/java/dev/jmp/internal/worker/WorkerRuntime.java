package dev.jmp.internal.worker;

import dev.jmp.internal.classes.WorkerClassLoader;
import dev.jmp.launch.ExitCodes;
import dev.jmp.internal.service.ServiceClients;
import dev.jmp.internal.wire.Inbound;
import dev.jmp.internal.wire.Link;
import dev.jmp.internal.wire.WireCodec;
import dev.jmp.internal.wire.WireKey;
import dev.jmp.internal.wire.message.AddClasspath;
import dev.jmp.internal.wire.message.Assign;
import dev.jmp.internal.wire.message.CancelTasks;
import dev.jmp.internal.wire.message.ClassReply;
import dev.jmp.internal.wire.message.ClassRequest;
import dev.jmp.internal.wire.message.Heartbeat;
import dev.jmp.internal.wire.message.Hello;
import dev.jmp.internal.wire.message.RunTasks;
import dev.jmp.internal.wire.message.Shutdown;
import dev.jmp.internal.wire.message.StatsReply;
import dev.jmp.internal.wire.message.StatsRequest;
import dev.jmp.internal.wire.message.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A worker's life: connect, say hello, run tasks on the main thread, answer the parent, and
 * exit when told to or when the parent is gone (its pid ends, its heartbeats stop, or the
 * worker's standard input closes).
 */
public final class WorkerRuntime {

    private static final long CLASS_FETCH_TIMEOUT_SECONDS = 120;
    private static final long TICK_MILLIS = 20;

    private final WorkerBootstrap boot;
    private final Link link;
    private final OutputCapture output;
    private final WorkerClassLoader loader;
    private final FunctionCache functions = new FunctionCache();
    private final ResultBatch results;
    private final TaskExecutor executor;
    private final WireServiceClient services;
    private final AtomicLong requestIds = new AtomicLong();
    private final Map<Long, CompletableFuture<Inbound<ClassReply>>> classReplies = new ConcurrentHashMap<>();
    /** The host's shared class cache, when the launcher named one (remote workers). */
    private final HostClassCache classCache = HostClassCache.fromProperty();
    private final Optional<ProcessHandle> parent;
    private final long initialParent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    private long lastHeartbeatSent;
    private long lastParentCheck;
    private int goneSightings;
    private volatile long helloSent;
    private volatile boolean heardFromParent;

    WorkerRuntime(WorkerBootstrap boot, OutputCapture output, org.zeromq.ZContext context) {
        this.boot = boot;
        this.output = output;
        this.parent = ProcessHandle.of(boot.parentPid());
        this.link = new Link(boot.workerId(), boot.endpoint(), boot.downEndpoint(), WireKey.fromHex(boot.key()),
                WireCodec.standard(), boot.credential(), context);
        StartupTrace.mark("link made");
        this.loader = new WorkerClassLoader(this::fetch);
        // Processes this worker starts get, through its class server, what it gets from its parent.
        dev.jmp.internal.classes.ClassServer.setUpstream(this::fetch);
        for (String p : boot.classpath()) {
            loader.addPath(Path.of(p));
        }
        StartupTrace.mark("loader made");
        this.results = new ResultBatch(link);
        this.services = new WireServiceClient(link, boot.workerId(), WireKey.fromHex(boot.key()),
                boot.endpoint().startsWith("tcp://127.0.0.1:"));
        this.executor = new TaskExecutor(results, output, loader, this::processEnded, ItemProgress.open(boot.progressFile()),
                services);
        StartupTrace.mark("executor made");
        ServiceClients.install(services, loader);
        WorkerContext.markWorker();
        register();
        StartupTrace.mark("handlers registered");
    }

    private void register() {
        link.on(RunTasks.class, m -> {
            StartupTrace.mark("tasks received");
            for (TaskSpec t : m.body().tasks()) {
                byte[] fn = t.fnFrame() >= 0 ? m.frame(t.fnFrame()) : null;
                executor.enqueue(new QueuedTask(t, functions.touch(t.fnKey(), fn), m.data()));
            }
        });
        link.on(CancelTasks.class, m -> executor.cancel(new HashSet<>(m.body().taskIds())));
        link.on(ClassReply.class, m -> {
            CompletableFuture<Inbound<ClassReply>> f = classReplies.remove(m.body().requestId());
            if (f != null) {
                f.complete(m);
            }
        });
        link.on(Assign.class, m -> WorkerContext.assign(m.body().index(), m.body().name()));
        link.on(AddClasspath.class, m -> m.body().paths().forEach(p -> loader.addPath(Path.of(p))));
        link.on(Heartbeat.class, m -> heardFromParent = true);
        link.on(StatsRequest.class, m -> link.send(stats(m.body().requestId())));
        link.on(Shutdown.class, m -> exit(m.body().exitCode()));
        link.every(TICK_MILLIS, this::tick);
        // A task, a cancel or a shutdown may be among what was lost: the parent learns from the
        // exit code and fails or retries the worker's tasks, which waiting could never do.
        link.onMessagesLost((peer, n) -> exitOrphaned(n + " messages from the parent were lost in transit",
                ExitCodes.MESSAGES_LOST));
    }

    private void sendHello() {
        helloSent = System.currentTimeMillis();
        link.send(new Hello(boot.workerId(), ProcessHandle.current().pid(), helloSent));
    }

    /** Sends the hello and runs tasks until the process ends. */
    void run() {
        String gone = parentGone();
        if (gone != null) {
            exitOrphaned(gone, ExitCodes.PARENT_GONE);
        }
        sendHello();
        StartupTrace.mark("hello sent");
        WorkerWarmup.helloSent();
        executor.runLoop();
    }

    private void tick() {
        long now = System.currentTimeMillis();
        // A connection whose handshake stalled is reset and made again, and what was written into
        // it is lost: say hello again until the parent answers.
        if (!heardFromParent && now - helloSent >= 300) {
            sendHello();
        }
        if (now - lastHeartbeatSent >= boot.heartbeatMillis()) {
            lastHeartbeatSent = now;
            link.send(new Heartbeat(now));
        }
        if (now - lastParentCheck >= 100) {
            lastParentCheck = now;
            String gone = parentGone();
            // One sighting could be a transient misread of /proc; two in a row, 100 ms apart, are not.
            goneSightings = gone == null ? 0 : goneSightings + 1;
            if (goneSightings >= 2) {
                exitOrphaned(gone, ExitCodes.PARENT_GONE);
            }
            long silent = now - link.lastHeardMillis();
            if (silent > silenceBound()) {
                exitOrphaned("no message from the parent for " + silent + " ms"
                        + (boot.parentPid() > 0 ? ", though its pid " + boot.parentPid() + " still runs" : ""),
                        ExitCodes.PARENT_SILENT);
            }
        }
    }

    /**
     * How long the parent may be silent. A parent on this host is watched by its pid (every 100
     * ms, exit 78 when it ends), so its silence while it lives is load (a stopped or swapping
     * process), not death: only the long local bound applies. A remote parent has only its
     * heartbeats.
     */
    private long silenceBound() {
        return boot.parentPid() > 0 ? Math.max(boot.heartbeatTimeoutMillis(), boot.localSilenceMillis())
                : boot.heartbeatTimeoutMillis();
    }

    /**
     * Why the parent is gone, or {@code null} if it is not: its pid no longer runs (or did not when
     * this worker started), or this process, started directly by the parent, was re-parented
     * (which happens as soon as the parent exits, even before anyone reaps it). A parent pid of
     * 0 or less (a remote launcher) leaves only the heartbeat timeout.
     */
    String parentGone() {
        if (boot.parentPid() <= 0) {
            return null;
        }
        if (parent.isEmpty()) {
            return "parent pid " + boot.parentPid() + " did not exist when the worker started";
        }
        if (!parent.get().isAlive()) {
            return "parent pid " + boot.parentPid() + " ended";
        }
        if (initialParent == boot.parentPid()) {
            Optional<ProcessHandle> now = ProcessHandle.current().parent();
            if (now.isPresent() && now.get().pid() != initialParent) {
                return "the worker was re-parented to pid " + now.get().pid();
            }
        }
        return null;
    }

    /**
     * Exits on the worker's own decision, saying why on the native stderr (the parent, if alive,
     * reports its last lines with the exit code, which tells the reason apart from a task's exit).
     */
    private static void exitOrphaned(String why, int code) {
        try {
            new java.io.FileOutputStream(java.io.FileDescriptor.err).write(("jmp worker exiting: " + why + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            // the parent is gone; nobody reads this
        }
        Runtime.getRuntime().halt(code);
    }

    private byte[] fetch(String name, boolean resource) {
        StartupTrace.mark("fetch " + name);
        if (classCache == null) {
            return bytes(ask(name, resource, false));
        }
        Inbound<ClassReply> r = ask(name, resource, true);
        String digest = r.body().digest();
        if (!r.body().found() || digest == null) {
            return bytes(r);
        }
        byte[] cached = classCache.get(digest);
        if (cached != null) {
            return cached;
        }
        byte[] b = bytes(ask(name, resource, false));
        if (b != null) {
            classCache.put(b);
        }
        return b;
    }

    private static byte[] bytes(Inbound<ClassReply> r) {
        return r.body().found() && r.body().digest() == null ? r.frame(0) : null;
    }

    /** Sends one class request and waits for its reply. */
    private Inbound<ClassReply> ask(String name, boolean resource, boolean digestFirst) {
        long id = requestIds.incrementAndGet();
        CompletableFuture<Inbound<ClassReply>> f = new CompletableFuture<>();
        classReplies.put(id, f);
        link.send(new ClassRequest(id, name, resource, digestFirst));
        // Class loading must not be interruptible: a class that failed to load once stays failed
        // in the JVM, so an interrupt (a cancelled task) would poison the worker. The interrupt is
        // kept for the task to see afterwards.
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLASS_FETCH_TIMEOUT_SECONDS);
        try {
            while (true) {
                try {
                    return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                    throw new java.io.UncheckedIOException(new java.io.IOException("no answer for " + name
                            + " within " + CLASS_FETCH_TIMEOUT_SECONDS + " s"));
                }
            }
        } finally {
            classReplies.remove(id);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void processEnded(boolean ok) {
        // The parent answers the result with Shutdown; exit on our own if that never comes.
        try {
            Thread.sleep(10_000);
        } catch (InterruptedException e) {
            // fall through to exit
        }
        exit(ok ? 0 : 1);
    }

    private void exit(int code) {
        // Like Python's child, which flushes its streams and calls os._exit: the parent asked for
        // the exit after it had everything it needed, so nothing is left to send. The sockets are
        // closed first because the JVM's exit waits up to 300 ms for threads blocked in native
        // code, such as the sockets' I/O threads.
        Thread t = new Thread(() -> {
            output.flushPartial();
            System.out.flush();
            System.err.flush();
            services.flush();
            link.close();
            Runtime.getRuntime().halt(code);
        }, "jmp-exit");
        t.start();
    }

    private StatsReply stats(long requestId) {
        long rss = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            rss = -1;
        }
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L);
        Runtime rt = Runtime.getRuntime();
        return new StatsReply(requestId, link.counters().snapshot(), executor.tasksDone(), cpu, rss,
                rt.totalMemory() - rt.freeMemory());
    }

    /** The worker's id. */
    public String workerId() {
        return boot.workerId();
    }

    /** The wire link (for tests of the worker's own counters). */
    Link link() {
        return link;
    }

    /** Tells the caller which parent this worker watches. */
    long parentPid() {
        return boot.parentPid();
    }
}
