package dev.jmp.internal.worker;

import dev.jmp.function.SerialBiFunction;
import dev.jmp.function.SerialFunction;
import dev.jmp.function.SerialRunnable;
import dev.jmp.function.StarFunction;
import dev.jmp.internal.serial.Errors;
import dev.jmp.internal.serial.ValueList;
import dev.jmp.internal.wire.message.TaskKind;
import dev.jmp.internal.wire.message.TaskOutcome;
import dev.jmp.internal.wire.message.TaskSpec;
import dev.jmp.internal.wire.message.TaskStatus;
import java.lang.reflect.InvocationTargetException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * Runs tasks one at a time on the worker's main thread, in arrival order. Each item's result
 * (or exception) is encoded separately; a cancel drops a queued task or interrupts the running
 * one, and an interrupt never leaks into the next task.
 */
final class TaskExecutor {

    /** What the worker does when a task that ends the process finishes. */
    interface ExitHook {
        void taskEndedProcess(boolean ok);
    }

    /** Names a task's result in a serialization error (the warm-up encodes through it too). */
    static final java.util.function.Supplier<String> RESULT = () -> "result";
    private final BlockingDeque<QueuedTask> queue = new LinkedBlockingDeque<>();
    private final Object runLock = new Object();
    private final ResultBatch results;
    private final OutputCapture output;
    private final ClassLoader loader;
    private final ExitHook exitHook;
    private final ItemProgress progress;
    private final dev.jmp.internal.service.ServiceClient services;
    private Thread taskThread;
    private QueuedTask running;
    private boolean cancelRequested;
    private volatile long tasksDone;

    TaskExecutor(ResultBatch results, OutputCapture output, ClassLoader loader, ExitHook exitHook,
                 ItemProgress progress, dev.jmp.internal.service.ServiceClient services) {
        this.progress = progress;
        this.services = services;
        this.results = results;
        this.output = output;
        this.loader = loader;
        this.exitHook = exitHook;
    }

    long tasksDone() {
        return tasksDone;
    }

    void enqueue(QueuedTask t) {
        queue.add(t);
    }

    /** Drops queued tasks and interrupts the running one among {@code ids}. */
    void cancel(Collection<Long> ids) {
        for (QueuedTask t : queue) {
            if (ids.contains(t.spec().taskId()) && queue.remove(t)) {
                results.add(new TaskOutcome(t.spec().taskId(), TaskStatus.CANCELLED, 0, -1, false, null), List.of(), true);
            }
        }
        synchronized (runLock) {
            if (running != null && ids.contains(running.spec().taskId())) {
                cancelRequested = true;
                taskThread.interrupt();
            }
        }
    }

    /** Runs tasks forever on the calling thread. */
    void runLoop() {
        taskThread = Thread.currentThread();
        while (true) {
            QueuedTask t;
            try {
                t = queue.take();
            } catch (InterruptedException e) {
                continue;
            }
            Thread.currentThread().setContextClassLoader(loader);
            if (t.spec().kind() == TaskKind.PRIME) {
                prime(t);
                continue;
            }
            synchronized (runLock) {
                running = t;
                cancelRequested = false;
            }
            boolean ok = execute(t);
            tasksDone++;
            if (t.spec().exitAfter()) {
                exitHook.taskEndedProcess(ok);
            }
        }
    }

    /** Loads a function ahead of need (its classes, its lambda); nothing runs, nothing is reported. */
    private void prime(QueuedTask t) {
        try {
            if (t.fn() != null) {
                t.fn().get(loader);
            }
        } catch (RuntimeException | LinkageError e) {
            // a function that cannot load now fails properly when a real task uses it
        }
        Thread.interrupted();
        StartupTrace.mark("primed " + t.spec().fnKey());
    }

    private boolean execute(QueuedTask t) {
        TaskSpec spec = t.spec();
        long start = System.nanoTime();
        long itemsStart = 0;
        long itemsEnd = 0;
        long startMicros = 0;
        long linesBefore = output.lines();
        ValueList.Writer out = new ValueList.Writer();
        TaskStatus failure = null;
        dev.jmp.internal.wire.message.ErrorInfo taskError = null;
        boolean allOk = true;
        // a Process or %%spawn body is the worker's main program: what it started may outlive it
        java.util.Set<Thread> before = spec.exitAfter() ? ProgramEnd.threads() : null;
        try {
            if (t.fn() == null) {
                throw new IllegalStateException("the worker lost function " + spec.fnKey() + " (protocol error)");
            }
            if (spec.kind() == null) {
                // Gson decodes a kind name this side does not know as null
                throw new IllegalArgumentException("the parent sent task " + spec.taskId()
                        + " of a kind this worker does not know (do parent and worker run the same jmp version?)");
            }
            Object fn = t.fn().get(loader);
            StartupTrace.mark("task function ready");
            ValueList.Reader args = spec.argsFrame() < 0 ? null : new ValueList.Reader(t.frames(), spec.argsFrame());
            if (args != null && args.size() != spec.items()) {
                throw new IllegalArgumentException("task " + spec.taskId() + " declares " + spec.items()
                        + " items but its item list holds " + args.size());
            }
            itemsStart = System.nanoTime();
            startMicros = dev.jmp.spi.ItemTiming.nowMicros();
            for (int i = 0; i < spec.items(); i++) {
                OutputCapture.setTag(new TaskTag(spec.jobId(), spec.firstItem() + i));
                if (progress != null) {
                    progress.started(spec.taskId(), i);
                }
                try {
                    Object arg = args == null ? null : args.value(i, loader);
                    out.addValue(invoke(spec.kind(), fn, arg), RESULT);
                } catch (Throwable e) {
                    Throwable cause = unwrap(e);
                    // A stack overflow is the task's failure, as Python's RecursionError is: the stack
                    // has unwound to here, which leaves the headroom to report it.
                    if (cause instanceof VirtualMachineError && !(cause instanceof OutOfMemoryError)
                            && !(cause instanceof StackOverflowError)) {
                        throw (VirtualMachineError) cause;
                    }
                    allOk = false;
                    if (spec.exitAfter()) {
                        reportProcessFailure(cause);
                    }
                    out.add(ValueList.ERROR, Errors.encode(Errors.toInfo(cause)));
                }
                if (progress != null) {
                    progress.finished(spec.taskId(), i);
                }
                if (cancelled()) {
                    failure = TaskStatus.CANCELLED;
                    break;
                }
            }
            itemsEnd = System.nanoTime();
        } catch (RuntimeException | LinkageError e) {
            allOk = false;
            failure = TaskStatus.FAILED;
            taskError = Errors.toInfo(e);
            if (spec.exitAfter()) {
                reportProcessFailure(e);
            }
        } finally {
            if (before != null) {
                ProgramEnd.await(before);
            }
            output.flushPartial();
            OutputCapture.setTag(TaskTag.NONE);
            synchronized (runLock) {
                if (cancelRequested && failure == null) {
                    failure = TaskStatus.CANCELLED;
                }
                running = null;
                Thread.interrupted();
            }
        }
        StartupTrace.mark("task ran");
        // What the task sent one-way (queue puts) leaves before its result does.
        services.flush();
        boolean printed = output.lines() != linesBefore;
        if (printed) {
            output.done(spec.taskId());
        }
        // The time of the items alone, without the task's fixed costs, sizes the parent's chunks.
        long nanos = itemsEnd > 0 ? itemsEnd - itemsStart : System.nanoTime() - start;
        if (failure != null) {
            results.add(new TaskOutcome(spec.taskId(), failure, nanos, -1, printed, taskError, startMicros), List.of(), true);
        } else {
            boolean flush = queue.isEmpty() || spec.exitAfter();
            results.add(new TaskOutcome(spec.taskId(), TaskStatus.OK, nanos, 0, printed, null, startMicros), out.frames(), flush);
        }
        return allOk && failure == null;
    }

    private boolean cancelled() {
        synchronized (runLock) {
            return cancelRequested;
        }
    }

    private static void reportProcessFailure(Throwable e) {
        System.err.println("Process " + WorkerContext.name() + ":");
        dev.jmp.internal.serial.RecursionTrim.trimInPlace(e);
        e.printStackTrace();
    }

    @SuppressWarnings("unchecked")
    private static Object invoke(TaskKind kind, Object fn, Object arg) throws Exception {
        switch (kind) {
            case CALL:
                return ((Callable<Object>) fn).call();
            case RUN:
                ((SerialRunnable) fn).run();
                return null;
            case APPLY:
                return ((SerialFunction<Object, Object>) fn).apply(arg);
            case STAR:
                return ((StarFunction<Object>) fn).apply((Object[]) arg);
            case BI: {
                Object[] a = (Object[]) arg;
                return ((SerialBiFunction<Object, Object, Object>) fn).apply(a[0], a[1]);
            }
            case PROCESS:
                ((SerialRunnable) fn).run(); // a Process subclass: its run() is the body
                return null;
            default:
                throw new IllegalArgumentException("unknown task kind " + kind);
        }
    }

    private static Throwable unwrap(Throwable e) {
        if (e instanceof InvocationTargetException ite && ite.getCause() != null) {
            return ite.getCause();
        }
        return e;
    }
}
