package dev.jmp.magics.spawn;

import dev.jmp.Process;
import dev.jmp.ProcessGroup;
import dev.jmp.function.SerialCallable;
import dev.jmp.magics.CellOutput;
import dev.jmp.magics.render.DisplayMarkers;
import dev.jmp.magics.render.LineStreamer;
import dev.jmp.magics.render.OutputDispatcher;
import dev.jmp.magics.render.OutputLog;
import dev.jmp.magics.render.TraceLines;
import dev.jmp.spi.Daemons;
import dev.jmp.spi.OutputEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@code %%spawn} run: its processes (a {@link ProcessGroup}), their output (streamed live
 * into the cell that started the run, and kept for {@code --group} and {@code %wait}), when each
 * worker ended (from {@link Process#onExit()}), the {@code --timeout}, and the outcomes.
 */
final class SpawnRun {

    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final String name;
    private final SpawnOptions options;
    private final List<Process> processes = new ArrayList<>();
    private final ProcessGroup group;
    private final List<String> workerNames = new ArrayList<>();
    private final OutputLog log = new OutputLog();
    private final CellOutput cell;
    private final LineStreamer live;
    private final OutputDispatcher dispatcher;
    private final TraceLines traces;
    private final CompletableFuture<List<WorkerOutcome>> done = new CompletableFuture<>();
    private final long[] endNanos;
    private final long[] startedNanos;
    private volatile long startNanos;
    private volatile String stopReason;
    private volatile boolean waited;

    SpawnRun(String name, SpawnOptions options, SerialCallable<Object> body, CellOutput cell,
             OutputDispatcher dispatcher, TraceLines traces) {
        this.name = name;
        this.traces = traces;
        this.options = options;
        this.cell = cell;
        this.dispatcher = dispatcher;
        this.live = options.group() ? null : new LineStreamer(cell);
        this.endNanos = new long[options.count()];
        this.startedNanos = new long[options.count()];
        for (int i = 0; i < options.count(); i++) {
            String workerName = options.count() == 1 ? name : name + "-" + i;
            workerNames.add(workerName);
            Process p = new Process(body).name(workerName).index(i).daemon(options.daemon());
            if (!options.jvmOptions().isEmpty()) {
                p.jvmOptions(options.jvmOptions().toArray(String[]::new));
            }
            if (options.javaHome() != null) {
                p.javaHome(options.javaHome());
            }
            if (options.on() != null) {
                p.runtime(dev.jmp.Cluster.get(options.on()).runtime());
            }
            processes.add(p);
        }
        this.group = new ProcessGroup(processes);
    }

    String name() {
        return name;
    }

    SpawnOptions options() {
        return options;
    }

    List<Process> processes() {
        return List.copyOf(processes);
    }

    List<String> workerNames() {
        return List.copyOf(workerNames);
    }

    OutputLog log() {
        return log;
    }

    CellOutput cell() {
        return cell;
    }

    boolean isDone() {
        return done.isDone();
    }

    boolean waited() {
        return waited;
    }

    void markWaited() {
        waited = true;
    }

    String stopReason() {
        return stopReason;
    }

    /**
     * Claims the workers' output and starts every process. The first start snapshots the
     * notebook variables the body reads; if one cannot be sent, nothing was started.
     *
     * @throws RuntimeException what a start threw; the processes started before it are killed
     */
    void start() {
        for (int i = 0; i < workerNames.size(); i++) {
            int index = i;
            if (!dispatcher.claim(workerNames.get(i), e -> onOutput(index, e))) {
                releaseClaims(i);
                throw new IllegalStateException("a running process is already named " + workerNames.get(i));
            }
        }
        CompletableFuture<?>[] ends = new CompletableFuture<?>[processes.size()];
        for (int i = 0; i < processes.size(); i++) {
            int index = i;
            ends[i] = processes.get(i).onExit().thenRun(() -> endNanos[index] = System.nanoTime());
        }
        startNanos = System.nanoTime();
        try {
            group.start(p -> startedNanos[processes.indexOf(p)] = System.nanoTime());
        } catch (RuntimeException e) {
            releaseClaims(workerNames.size());
            if (live != null) {
                live.close();
            }
            throw e;
        }
        // The outcomes are gathered on a thread of the run's own, not on the runtime's thread that
        // reported the last exit.
        CompletableFuture.allOf(ends).whenCompleteAsync((v, e) -> finish(), r -> {
            Daemons.start("jmp-spawn-" + name, r);
        });
        if (options.timeoutSeconds() > 0) {
            long nanos = (long) (options.timeoutSeconds() * 1e9);
            CompletableFuture.runAsync(() -> {
                if (stopReason == null && !done.isDone()) {
                    stop("timeout");
                }
            }, CompletableFuture.delayedExecutor(startNanos + nanos - System.nanoTime(), TimeUnit.NANOSECONDS));
        }
    }

    private void releaseClaims(int upTo) {
        for (int i = 0; i < upTo; i++) {
            dispatcher.release(workerNames.get(i));
        }
    }

    private void onOutput(int index, OutputEvent e) {
        var display = DisplayMarkers.parse(e.line());
        if (display.isPresent()) {
            if (live != null) {
                live.flush(); // keep the display after the lines printed before it
            }
            DisplayMarkers.publish(display.get(), cell);
            return;
        }
        String label = "[" + e.label("w" + index) + "] ";
        boolean err = e.stream() == OutputEvent.Stream.STDERR;
        String text = err ? traces.rewrite(e.line()) : e.line();
        if (text == null) {
            return;
        }
        log.add(new OutputLog.Line(index, label, err, text));
        if (live != null) {
            live.line(label, err, text);
        }
    }

    private void finish() {
        try {
            if (live != null) {
                live.close();
            }
            releaseClaims(workerNames.size());
            done.complete(outcomes());
        } catch (RuntimeException | Error e) {
            releaseClaims(workerNames.size());
            done.completeExceptionally(e);
        }
    }

    private List<WorkerOutcome> outcomes() {
        List<WorkerOutcome> out = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            Integer code = p.exitCode();
            Object result = null;
            String text;
            try {
                result = p.result();
                text = ValueText.of(result);
            } catch (RuntimeException e) {
                text = "(cannot read the result: " + e.getMessage() + ")";
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(endNanos[i] - startNanos);
            out.add(new WorkerOutcome(i, workerNames.get(i), p.pid(), code == null ? -9 : code, millis, result, text,
                    p.exception(), p.lastStderr()));
        }
        return out;
    }

    /**
     * Terminates the workers still running (SIGTERM, then SIGKILL after 2 s). The first reason
     * given is the one reported.
     *
     * @param reason {@code timeout}, {@code interrupted} or {@code terminated}
     */
    void stop(String reason) {
        synchronized (this) {
            if (stopReason == null) {
                stopReason = reason;
            }
        }
        group.stop(STOP_GRACE);
    }

    /**
     * Waits for the run to end.
     *
     * @return the outcomes, by worker index
     * @throws InterruptedException if the waiting thread is interrupted (the run goes on)
     */
    List<WorkerOutcome> await() throws InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run " + name + " failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Waits at most a while for the run to end, ignoring interrupts.
     *
     * @param millis how long
     * @return the outcomes, or null if it did not end in time
     */
    List<WorkerOutcome> awaitQuietly(long millis) {
        try {
            return done.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /**
     * Runs an action when the run ends (on the run's own thread).
     *
     * @param action receives the outcomes
     */
    void whenDone(java.util.function.Consumer<List<WorkerOutcome>> action) {
        done.thenAccept(action);
    }

    /**
     * When process {@code i} started and ended, for {@code %timeline}.
     *
     * @param i the worker's index
     * @return {start, end} in {@link System#nanoTime()} terms, end 0 while it runs, start 0 before it started
     */
    long[] span(int i) {
        return new long[] {startedNanos[i], endNanos[i]};
    }

    /**
     * When the run started.
     *
     * @return {@link System#nanoTime()} at the start, 0 before
     */
    long startNanos() {
        return startNanos;
    }

    /**
     * The run's wall time so far.
     *
     * @return milliseconds since the start until the last worker ended (or now)
     */
    long millis() {
        long end = 0;
        for (long e : endNanos) {
            end = Math.max(end, e);
        }
        return TimeUnit.NANOSECONDS.toMillis((done.isDone() ? end : System.nanoTime()) - startNanos);
    }
}
