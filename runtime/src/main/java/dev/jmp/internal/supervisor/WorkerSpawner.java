package dev.jmp.internal.supervisor;

import dev.jmp.internal.service.ServiceRegistry;
import dev.jmp.internal.wire.Hub;
import dev.jmp.internal.wire.WireKey;
import dev.jmp.internal.worker.WorkerBootstrap;
import dev.jmp.launch.LaunchSpec;
import dev.jmp.launch.LaunchedWorker;
import dev.jmp.launch.Launcher;
import dev.jmp.spi.Daemons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A runtime's workers from launch to exit: it makes each worker's handle and bootstrap, launches
 * its JVM through the launcher when a launch slot is free, pumps its output, and when its process
 * ends retires it (from the hub, the services and the table of live workers) and tells its owner.
 */
final class WorkerSpawner {

    private final Supervisor supervisor;
    private final WorkerHost host;
    private final Hub hub;
    private final WireKey key;
    private final Launcher launcher;
    private final ServiceRegistry services;
    private final CdsArchive cds;
    private final ExecutorService helpers;
    private final LaunchQueue launches;
    private final FunctionPrimer primer = new FunctionPrimer();
    private final ProgressFiles progressFiles = new ProgressFiles();
    private final Map<String, WorkerHandle> workers = new ConcurrentHashMap<>();
    private final List<Long> launchedPids = java.util.Collections.synchronizedList(new ArrayList<>());

    WorkerSpawner(Supervisor supervisor, WireKey key, Launcher launcher, CdsArchive cds, ExecutorService helpers) {
        this.supervisor = supervisor;
        this.host = WorkerHost.of(supervisor, this);
        this.hub = supervisor.hub();
        this.key = key;
        this.launcher = launcher;
        this.services = supervisor.services();
        this.cds = cds;
        this.helpers = helpers;
        this.launches = new LaunchQueue(supervisor.settings().launchSlots(), helpers);
    }

    /**
     * Removes what runtimes killed before they could clean up left behind (their progress
     * directories, an archive in training); the files of live runtimes stay.
     */
    static void sweepDeadOwners(RuntimeSettings settings) {
        ProgressFiles.sweepDead(Path.of(System.getProperty("java.io.tmpdir")));
        CdsArchive.sweepDead(settings.cacheDir());
        CdsArchive.pruneUnused(settings.cacheDir(), java.time.Instant.now());
    }

    /** Starts a new worker; its JVM is launched now or once a launch slot is free. */
    WorkerHandle spawn(WorkerOptions options, WorkerOwner owner, boolean useArchive) {
        RuntimeSettings settings = supervisor.settings();
        String id = "w" + supervisor.nextId() + "-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        String nonce = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        WorkerHandle w = new WorkerHandle(host, id, nonce, options);
        w.setOwner(owner);
        workers.put(id, w);
        List<String> cp;
        try {
            cp = launcher.prepare(settings.classpath());
        } catch (IOException e) {
            workers.remove(id);
            throw new UncheckedIOException("cannot make the classpath available to a worker: " + e.getMessage(), e);
        }
        // The progress file is a shared mapping: only a worker on this host can write it.
        Path progress = launcher.onThisHost() ? progressFiles.create(id) : null;
        w.setProgressFile(progress);
        WorkerBootstrap boot = new WorkerBootstrap(id, hub.endpoint(), hub.downEndpoint(), key.toHex(),
                launcher.onThisHost() ? ProcessHandle.current().pid() : 0,
                nonce, settings.workerHeartbeatMillis(), settings.workerSilenceMillis(),
                settings.localSilenceMillis(), cp, progress == null ? null : progress.toString(), hub.admit(id));
        List<Path> classpath = WorkerClasspath.entries();
        boolean archive = LaunchPlan.usesArchive(useArchive, options, settings.jvmOptions()) && launcher.onThisHost();
        LaunchSpec spec = LaunchPlan.spec(boot, options, settings.jvmOptions(), JvmDefaults.options(), classpath,
                cds::options, archive);
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
            cds.trainIfMissing(supervisor, options.javaHome(), classpath);
        }
        return w;
    }

    /** Launches a worker's JVM once it holds a launch slot. */
    private void launch(WorkerHandle w, LaunchSpec spec, boolean inline) {
        LaunchedWorker p;
        try {
            if (supervisor.isClosed()) {
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

    /** Remembers a function just sent, so warm workers can load it before they are needed. */
    void noteFunction(ShippedFunction fn) {
        primer.note(fn);
    }

    /** Has an idle worker load the functions sent most recently. */
    void prime(WorkerHandle w) {
        primer.prime(supervisor, w);
    }

    /** Whether workers run on this host, where each side watches the other's process. */
    boolean onThisHost() {
        return launcher.onThisHost();
    }

    private void startPump(WorkerHandle w, LaunchedWorker p, boolean stdout) {
        Daemons.start("jmp-" + (stdout ? "out-" : "err-") + w.id(),
                new OutputPump(w, stdout ? p.stdout() : p.stderr(), stdout, supervisor.settings().output()));
    }

    private void exited(WorkerHandle w, int code) {
        try {
            if (w.launchedMillis() > 0) {
                w.output().awaitPumps(2000);
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
        retired.completeOnTimeout(null, 2, TimeUnit.SECONDS).join();
        workers.remove(w.id());
        hub.retire(w.id());
        // The pid its calls carry (its JVM's), which the launcher's may not be.
        services.childGone(w.id(), w.jvmPid() > 0 ? w.jvmPid() : w.pid());
        w.ready().completeExceptionally(new IllegalStateException("worker " + w + " exited before connecting: "
                + exit.describe()));
        WorkerOwner owner = w.owner();
        if (owner != null) {
            owner.onExit(w, exit);
        }
        w.exited().complete(exit);
    }

    /**
     * Kills every live worker because the parent gave up on it, then waits up to
     * {@code patienceMillis} for each to have ended (its owner told of the reason).
     */
    void loseAll(String reason, long patienceMillis) {
        List<WorkerHandle> lost = List.copyOf(workers.values());
        for (WorkerHandle w : lost) {
            w.markLost(reason);
        }
        for (WorkerHandle w : lost) {
            try {
                w.exited().get(patienceMillis, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // the shutdown that follows kills what is left
            }
        }
    }

    /** Stops every live worker by force, then waits up to {@code patienceMillis} in all for them to end. */
    void stopAll(String reason, long patienceMillis) {
        for (WorkerHandle w : workers.values()) {
            w.stop(reason, true);
        }
        long deadline = System.currentTimeMillis() + patienceMillis;
        for (WorkerHandle w : workers.values()) {
            try {
                w.exited().get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // one still alive is left to the launcher's own end
            }
        }
    }

    /** The live worker with this id, or {@code null}. */
    WorkerHandle worker(String id) {
        return workers.get(id);
    }

    /** Live workers (a view: it changes as they start and end). */
    Collection<WorkerHandle> live() {
        return workers.values();
    }

    /** The pid of every worker ever launched, in launch order. */
    List<Long> launchedPids() {
        synchronized (launchedPids) {
            return List.copyOf(launchedPids);
        }
    }

    /** Stops the making of a class archive under way (at the runtime's shutdown). */
    void stopArchiveWork() {
        cds.close();
    }

    /** Deletes the progress files of this runtime's workers (at its shutdown). */
    void deleteProgressFiles() {
        progressFiles.deleteAll();
    }
}
