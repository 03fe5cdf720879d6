package dev.jmp;

import dev.jmp.error.ErrorCode;
import dev.jmp.error.RemoteException;
import dev.jmp.error.WaitInterruptedException;
import dev.jmp.error.WorkerDiedException;
import dev.jmp.internal.pool.ItemResult;
import dev.jmp.internal.pool.OutcomeDecoder;
import dev.jmp.internal.serial.Errors;
import dev.jmp.internal.serial.Values;
import dev.jmp.internal.supervisor.Dispatch;
import dev.jmp.internal.supervisor.RuntimeMember;
import dev.jmp.internal.supervisor.Supervisor;
import dev.jmp.internal.supervisor.TaskWorker;
import dev.jmp.internal.supervisor.WorkerExit;
import dev.jmp.internal.supervisor.WorkerHandle;
import dev.jmp.internal.supervisor.WorkerOptions;
import dev.jmp.internal.supervisor.WorkerOwner;
import dev.jmp.internal.wire.message.ErrorInfo;
import dev.jmp.internal.wire.message.TaskOutcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A started {@link Process}: its runtime and worker, its outcome and exit, and its side of the
 * supervisor (the worker's owner, and a member the runtime joins or terminates when it ends). The
 * {@code Process} is what a user configures; this is what runs.
 */
final class ProcessRun implements WorkerOwner, RuntimeMember {

    /** How long {@code terminate()} waits after SIGTERM before it kills. */
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);
    private final Process process;
    private final Supervisor supervisor;
    private final CompletableFuture<WorkerExit> ended = new CompletableFuture<>();
    private final CompletableFuture<Process> exited;
    private volatile long jobId = -1;
    private volatile WorkerHandle worker;
    private volatile byte[] resultBytes;
    private volatile boolean resultRaw;
    private volatile ErrorInfo error;
    private volatile WorkerExit exit;

    private ProcessRun(Process process, Supervisor supervisor, CompletableFuture<Process> exited) {
        this.process = process;
        this.supervisor = supervisor;
        this.exited = exited;
    }

    /**
     * Hands {@code task} to a worker of {@code supervisor} (a warm one when the options are the
     * defaults) and makes the run a member of that runtime.
     *
     * @param exited completed with the process when it has ended
     */
    static ProcessRun start(Process process, Supervisor supervisor, WorkerOptions options, int index,
            TaskSpecBuilder task, CompletableFuture<Process> exited) {
        ProcessRun run = new ProcessRun(process, supervisor, exited);
        WorkerHandle w = supervisor.acquire(options, run);
        run.worker = w;
        run.jobId = supervisor.nextId();
        w.assign(index, process.name());
        w.run(List.of(task.dispatch(supervisor.nextId(), run.jobId)));
        supervisor.addMember(run);
        return run;
    }

    /** The one task a process runs, given its ids once the run has them. */
    @FunctionalInterface
    interface TaskSpecBuilder {
        Dispatch dispatch(long taskId, long jobId);
    }

    long jobId() {
        return jobId;
    }

    boolean isAlive() {
        return !ended.isDone();
    }

    long pid() {
        WorkerHandle w = worker;
        return w == null ? -1 : w.awaitPid();
    }

    /** The host its worker runs on, as the user named it, or null on this machine or before its launch. */
    String host() {
        WorkerHandle w = worker;
        return w == null ? null : w.host();
    }

    /** The exit, or {@code null} before the end. */
    WorkerExit exit() {
        return exit;
    }

    void join() {
        try {
            ended.get();
        } catch (InterruptedException e) {
            throw new WaitInterruptedException(process.name(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    boolean join(Duration timeout) {
        try {
            ended.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            throw new WaitInterruptedException(process.name(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The value the target returned, or {@code null} (see {@link Process#result()}); only after the end. */
    Object result() {
        byte[] b = resultBytes;
        if (b == null) {
            return null;
        }
        return resultRaw ? b : Values.decode(b, supervisor.settings().resultLoader());
    }

    /** The target's exception, or jmp's reason for giving up, or {@code null} (see {@link Process#exception()}). */
    RemoteException exception() {
        ErrorInfo e = error;
        if (e != null) {
            return Errors.toException(e);
        }
        WorkerExit x = exit;
        String why = x == null ? null : x.jmpReason();
        if (why == null) {
            return null;
        }
        String message = new WorkerDiedException(process.name(), pid(), x.exitCode(), why, List.of()).getMessage();
        return Errors.toException(new ErrorInfo(WorkerDiedException.class.getName(), message, List.of(), null,
                List.of(), ErrorCode.WORKER_DIED));
    }

    /** SIGTERM, then SIGKILL if the worker is still alive after {@code grace}. */
    void terminate(Duration grace, String reason) {
        WorkerHandle w = worker;
        if (w == null) {
            return;
        }
        w.stop(reason, false);
        w.exited().copy().completeOnTimeout(null, grace.toMillis(), TimeUnit.MILLISECONDS).thenRun(() -> {
            if (w.isAlive()) {
                w.stop(reason + ", and killed after a grace of " + grace.toMillis() + " ms", true);
            }
        });
    }

    void kill() {
        WorkerHandle w = worker;
        if (w != null) {
            w.stop("it was killed through Process.kill()", true);
        }
    }

    @Override
    public void onOutcome(TaskWorker w, TaskOutcome o, List<byte[]> frames) {
        ItemResult r = OutcomeDecoder.of(o, frames).item(0);
        if (r.isOk()) {
            resultBytes = r.bytes();
            resultRaw = r.isRaw();
        } else {
            error = r.remoteError();
        }
        w.shutdown(r.isOk() ? 0 : 1);
    }

    @Override
    public void onExit(TaskWorker w, WorkerExit e) {
        exit = e;
        supervisor.removeMember(this);
        ended.complete(e);
        exited.complete(process);
    }

    @Override
    public boolean daemonAtExit() {
        return process.isDaemon();
    }

    @Override
    public void joinAtExit() {
        try {
            ended.get();
        } catch (InterruptedException | ExecutionException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void terminateAtExit() {
        terminate(DEFAULT_GRACE, "it was a daemon process, terminated when its parent's program ended");
    }
}
