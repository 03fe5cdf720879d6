package dev.jmp.internal.supervisor;

import dev.jmp.internal.wire.message.TaskKind;
import dev.jmp.launch.LaunchedWorker;
import dev.jmp.internal.wire.message.WireMessage;
import dev.jmp.internal.wire.message.Assign;
import dev.jmp.internal.wire.message.CancelTasks;
import dev.jmp.internal.wire.message.RunTasks;
import dev.jmp.internal.wire.message.Shutdown;
import dev.jmp.internal.wire.message.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The parent's handle on one worker process: its identity, its owner, the messages waiting for it
 * to connect, its output state and how it ended.
 */
public final class WorkerHandle implements TaskWorker, WarmSet.Idle {

    private volatile long jvmPid = -1;
    private final String id;
    private final WorkerOptions options;
    private final WorkerHost host;
    private final WorkerMailbox mailbox;
    private final WorkerOutput output;
    private final CompletableFuture<WorkerHandle> ready = new CompletableFuture<>();
    private final CompletableFuture<WorkerExit> exited = new CompletableFuture<>();
    private final CompletableFuture<Void> launched = new CompletableFuture<>();
    private final FunctionMirror mirror = new FunctionMirror();
    private final long startedMillis = System.currentTimeMillis();
    private volatile LaunchedWorker process;
    private volatile WorkerOwner owner;
    private volatile int index = -1;
    private volatile String name;
    private volatile String lostReason;
    private volatile boolean stopAsked;
    private volatile java.nio.file.Path progressFile;
    private volatile long launchedMillis;
    private volatile long queuedSeenMillis;
    private final StartWatch startWatch = new StartWatch();
    private LaunchQueue.Slot launchSlot;
    private int signalBeforeLaunch;
    WorkerHandle(WorkerHost host, String id, String outputNonce, WorkerOptions options) {
        this.host = host;
        this.mailbox = new WorkerMailbox(this, host, System::currentTimeMillis, this::flushPending);
        this.id = id;
        this.output = new WorkerOutput(outputNonce);
        this.options = options;
        this.name = shortId();
    }

    /**
     * The id shown to people ({@code w12}): the wire id without its random part, unique in this
     * runtime. The wire id stays between the parent and the worker.
     */
    public String shortId() {
        int dash = id.indexOf('-');
        return dash > 0 ? id.substring(0, dash) : id;
    }

    /**
     * Records the launched process.
     *
     * @return the signal asked for while it was being launched (to send now), or 0
     */
    synchronized int attach(LaunchedWorker p) {
        this.process = p;
        this.launchedMillis = System.currentTimeMillis();
        launched.complete(null);
        return signalBeforeLaunch;
    }

    /**
     * Records the worker's place in the launch queue.
     *
     * @return whether a stop was asked for before it was known (the launch is to be abandoned)
     */
    synchronized boolean queued(LaunchQueue.Slot slot) {
        launchSlot = slot;
        return signalBeforeLaunch != 0 && process == null;
    }

    synchronized LaunchQueue.Slot launchSlot() {
        return launchSlot;
    }

    /** The signal asked for before the process existed (9 or 15), or 0. */
    synchronized int signalBeforeLaunch() {
        return signalBeforeLaunch;
    }

    /** When its JVM was launched (epoch millis), or 0 while it waits for a launch slot. */
    long launchedMillis() {
        return launchedMillis;
    }

    /**
     * When the start timeout began to count, seen at {@code now}: the launch, or, for a worker a
     * batch scheduler held in its queue, the last check that found it still queued; 0 while it
     * waits for a launch slot or in the scheduler's queue (a queue is not a stuck start).
     */
    long startClockMillis(long now) {
        LaunchedWorker p = process;
        if (p == null) {
            return 0;
        }
        if (p.queued()) {
            queuedSeenMillis = now;
            return 0;
        }
        return Math.max(launchedMillis, queuedSeenMillis);
    }

    /** The host its process runs on, as the user named it, or null on this machine or before its launch. */
    @Override
    public String host() {
        LaunchedWorker p = process;
        return p == null ? null : p.host();
    }

    /** The heartbeat's judge of a start that has not connected yet. */
    StartWatch startWatch() {
        return startWatch;
    }

    /** The CPU time its process used so far, or -1 where it cannot be read (not launched, not here). */
    long cpuNanos() {
        long pid = pid();
        if (pid <= 0) {
            return -1;
        }
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).map(d -> d.toNanos()).orElse(-1L);
    }

    /** The worker's id on the wire. */
    public String id() {
        return id;
    }

    /** The worker's process id, or -1 while it waits for a launch slot. */
    @Override
    public long pid() {
        LaunchedWorker p = process;
        return p == null ? -1 : p.pid();
    }

    /**
     * The worker's process id, waiting while it waits for a launch slot (as Python's
     * {@code Process.pid} exists once {@code start()} returned).
     *
     * @return the pid, or -1 if it ended without being launched (or the wait was interrupted)
     */
    @Override
    public long awaitPid() {
        try {
            CompletableFuture.anyOf(launched, exited).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // exited never fails; launched is only completed normally
        }
        return pid();
    }

    /** The worker's name. */
    @Override
    public String name() {
        return name;
    }

    /** The worker's index within its owner, or -1. */
    public int index() {
        return index;
    }

    /** The options it was started with. */
    public WorkerOptions options() {
        return options;
    }

    /** When it was started (epoch millis). */
    public long startedMillis() {
        return startedMillis;
    }

    /** Completes when the worker has connected. */
    @Override
    public CompletableFuture<WorkerHandle> ready() {
        return ready;
    }

    /** Completes when the worker's process has ended and its output is drained. */
    public CompletableFuture<WorkerExit> exited() {
        return exited;
    }

    /** Whether the process still runs, or waits for its launch (and was not stopped). */
    public boolean isAlive() {
        LaunchedWorker p = process;
        return p != null ? p.isAlive() : !exited.isDone();
    }

    /** The current owner. */
    public WorkerOwner owner() {
        return owner;
    }

    /** Hands the worker to an owner. */
    public void setOwner(WorkerOwner newOwner) {
        this.owner = newOwner;
    }

    /** Gives the worker its index and name (seen by tasks through {@code dev.jmp.Worker}). */
    @Override
    public void assign(int newIndex, String newName) {
        this.index = newIndex;
        this.name = newName;
        send(new Assign(newIndex, newName), List.of());
    }

    /**
     * Sends a message, holding it until the worker has connected (the rules: {@link WorkerMailbox}).
     */
    public synchronized void send(WireMessage m, List<byte[]> frames) {
        mailbox.send(m, frames);
    }

    /** Another try at what the hub could not route yet. */
    private synchronized void flushPending() {
        mailbox.flush();
    }

    /**
     * The pid the worker's JVM reported in its hello: the one its calls carry. It differs from
     * {@link #pid()} when the launcher's process is not the JVM (ssh, srun), or -1 before hello.
     */
    long jvmPid() {
        return jvmPid;
    }

    void reportedJvmPid(long pid) {
        jvmPid = pid;
    }

    /** Whether this hello is the first (later ones are repeats of a worker not yet answered). */
    synchronized boolean startConnecting() {
        return mailbox.startConnecting();
    }

    void markConnected() {
        synchronized (this) {
            mailbox.connected();
        }
        // Outside the lock: owners react to readiness under their own locks and send to workers.
        ready.complete(this);
    }

    /** Sends tasks in one message, leaving out functions the worker already caches. */
    @Override
    public synchronized void run(List<Dispatch> tasks) {
        List<byte[]> frames = new ArrayList<>();
        List<TaskSpec> specs = new ArrayList<>(tasks.size());
        for (Dispatch d : tasks) {
            if (d.kind() != TaskKind.PRIME) {
                host.noteFunction(d.fn());
            }
            int fnFrame = -1;
            if (mirror.needsBytes(d.fn().key())) {
                fnFrame = frames.size();
                frames.add(d.fn().bytes());
            }
            int argsFrame = d.argFrames().isEmpty() ? -1 : frames.size();
            frames.addAll(d.argFrames());
            specs.add(new TaskSpec(d.taskId(), d.jobId(), d.firstItem(), d.items(), d.fn().key(), fnFrame,
                    argsFrame, d.kind(), d.exitAfter()));
        }
        send(new RunTasks(specs), frames);
    }

    /** Asks the worker to drop or interrupt tasks. */
    @Override
    public void cancel(List<Long> taskIds) {
        send(new CancelTasks(taskIds), List.of());
    }

    /** Asks the worker to exit with a code. */
    @Override
    public void shutdown(int exitCode) {
        send(new Shutdown(exitCode), List.of());
    }

    /** Sends SIGTERM. */
    public void terminate() {
        signal(15);
    }

    /** Sends SIGKILL. */
    @Override
    public void kill() {
        signal(9);
    }

    /**
     * Stops the worker because someone asked (the API's terminate or kill, a pool's terminate, the
     * runtime's shutdown): SIGKILL, or SIGTERM when {@code force} is false. The reason is reported
     * with its exit ({@link WorkerExit#lostReason()}); the first reason given stays.
     */
    @Override
    public void stop(String reason, boolean force) {
        record(reason, true);
        signal(force ? 9 : 15);
    }

    private synchronized void record(String reason, boolean asked) {
        if (lostReason == null) {
            lostReason = reason;
            stopAsked = asked;
        }
    }

    /** Records that the worker's JVM could not be launched (it ends without having run). */
    void failLaunch(String reason) {
        record(reason, false);
    }

    /**
     * Signals the process; a worker still waiting for its launch is taken out of the queue and
     * ends as if the signal had killed it, and one being launched gets the signal once it runs.
     */
    private void signal(int sig) {
        LaunchedWorker p;
        boolean abandon;
        synchronized (this) {
            p = process;
            if (p == null && signalBeforeLaunch == 0) {
                signalBeforeLaunch = sig;
            }
            abandon = p == null && launchSlot != null;
        }
        if (p != null) {
            if (sig == 9) {
                p.kill();
            } else {
                p.terminate();
            }
        } else if (abandon) {
            host.abandonLaunch(this);
        }
    }

    /** Kills the worker because the parent gave up on it; the reason is reported with its exit. */
    void markLost(String reason) {
        record("jmp killed it: it " + reason, false);
        signal(9);
    }

    String lostReason() {
        return lostReason;
    }

    /** Whether the recorded reason is a stop someone asked for, not a failure jmp saw. */
    boolean stopAsked() {
        return stopAsked;
    }

    void setProgressFile(java.nio.file.Path file) {
        progressFile = file;
    }

    /** What the worker's progress file says it ran last (read once it died); the file is deleted. */
    dev.jmp.internal.worker.ItemProgress.Last lastItem() {
        return ProgressFiles.readAndDelete(progressFile);
    }

    /** The last lines the worker wrote to stderr. */
    public List<String> lastStderr() {
        return output.lastStderr();
    }

    /** What the parent knows of its output pipes. */
    WorkerOutput output() {
        return output;
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
