package dev.jmp;

import dev.jmp.error.ErrorCode;
import dev.jmp.error.RemoteException;
import dev.jmp.error.SerializationException;
import dev.jmp.error.WaitInterruptedException;
import dev.jmp.error.WorkerDiedException;
import dev.jmp.function.SerialBiConsumer;
import dev.jmp.function.SerialCallable;
import dev.jmp.function.SerialConsumer;
import dev.jmp.function.SerialRunnable;
import dev.jmp.function.StarFunction;
import dev.jmp.internal.pool.ItemResult;
import dev.jmp.internal.pool.OutcomeDecoder;
import dev.jmp.internal.serial.Errors;
import dev.jmp.internal.serial.ValueList;
import dev.jmp.internal.serial.Values;
import dev.jmp.internal.supervisor.Dispatch;
import dev.jmp.internal.supervisor.RuntimeMember;
import dev.jmp.internal.supervisor.ShippedFunction;
import dev.jmp.internal.supervisor.Supervisor;
import dev.jmp.internal.supervisor.TaskWorker;
import dev.jmp.internal.supervisor.WorkerExit;
import dev.jmp.internal.supervisor.WorkerHandle;
import dev.jmp.internal.supervisor.WorkerOptions;
import dev.jmp.internal.supervisor.WorkerOwner;
import dev.jmp.internal.util.Durations;
import dev.jmp.internal.wire.message.ErrorInfo;
import dev.jmp.internal.wire.message.TaskKind;
import dev.jmp.internal.wire.message.TaskOutcome;
import dev.jmp.launch.WorkerJava;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A task running in its own worker JVM, like Python's {@code multiprocessing.Process}.
 *
 * <pre>{@code
 * Process p = new Process(() -> System.out.println("hello from " + Worker.pid())).name("greeter");
 * p.start();
 * p.join();
 * p.exitCode();   // 0
 * }</pre>
 *
 * The target is a serializable lambda (or object), optionally with arguments; or subclass
 * {@code Process} and override {@link #run()}: the subclass's fields are shipped to the worker.
 * Exit codes follow Python: {@code null} while running, 0 when the target returned, 1 when it
 * threw (its stack trace goes to the worker's stderr), {@code -N} when killed by signal N. A
 * callable target's return value is available from {@link #result()}. At the parent's normal exit,
 * daemon processes are terminated and the others joined.
 *
 * <p>Lifetimes follow Python's: the worker does not end when the target returns but when the
 * non-daemon threads it started and its own non-daemon child processes have ended too (daemon
 * threads die with it, daemon children are terminated); the exit code stays the target's. A
 * {@link StackOverflowError} in the target is its {@link #exception()}, its trace trimmed to the
 * recursion once and a line saying how many frames repeat it.
 */
public class Process implements SerialRunnable {

    private static final long serialVersionUID = 1L;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);

    private String name;
    private boolean daemon;
    private int index = -1;
    private transient Object target;
    private transient TaskKind kind;
    private transient Object[] args;
    private transient List<String> jvmOptions = new ArrayList<>();
    private transient Map<String, String> env = new LinkedHashMap<>();
    private transient Path javaHome;
    private transient volatile WorkerHandle worker;
    private transient volatile long jobId = -1;
    private transient volatile byte[] resultBytes;
    private transient volatile boolean resultRaw;
    private transient volatile ErrorInfo error;
    private transient volatile WorkerExit exit;
    private transient CompletableFuture<WorkerExit> ended;
    private final transient CompletableFuture<Process> exited = new CompletableFuture<>();
    private transient Member member;
    private transient JmpRuntime runtime;
    private transient volatile Supervisor supervisor;

    /** A process that runs {@code target}. */
    public Process(SerialRunnable target) {
        this(target, TaskKind.RUN, null);
    }

    /** A process that runs {@code target}; its return value becomes {@link #result()}. */
    public Process(SerialCallable<?> target) {
        this(target, TaskKind.CALL, null);
    }

    /** A process that runs {@code target(args...)}, like Python's {@code Process(target=f, args=(...))}. */
    public Process(StarFunction<?> target, Object... args) {
        this(target, TaskKind.STAR, args == null ? new Object[] {null} : args.clone());
    }

    /**
     * A process that runs {@code target(arg)}, like Python's {@code Process(target=f, args=(x,))},
     * typed: {@code new Process(q -> q.put("hi"), queue)}, with no argument array and no casts.
     * A one-parameter lambda with one argument resolves to this form; for the
     * {@code fn(Object... args)} form with a single argument write the lambda's type,
     * {@code new Process((StarFunction<?>) args -> ..., x)}. A value the body returns is dropped
     * (a process with a result: {@link #Process(SerialCallable)}).
     *
     * @param arg the argument; it must be serializable (a shared object travels as a live reference)
     */
    public <T> Process(SerialConsumer<? super T> target, T arg) {
        this(target == null ? null : new Consumed(target, null), TaskKind.STAR, new Object[] {arg});
    }

    /**
     * A process that runs {@code target(a, b)}, typed:
     * {@code new Process((lock, counts) -> ..., lock, counts)}.
     */
    public <A, B> Process(SerialBiConsumer<? super A, ? super B> target, A a, B b) {
        this(target == null ? null : new Consumed(null, target), TaskKind.STAR, new Object[] {a, b});
    }

    /** A typed body as the star function the worker runs (its arguments travel as {@code args}). */
    private record Consumed(SerialConsumer<?> one, SerialBiConsumer<?, ?> two) implements StarFunction<Object> {
        private static final long serialVersionUID = 1L;

        @Override
        @SuppressWarnings("unchecked")
        public Object apply(Object... args) throws Exception {
            if (one != null) {
                ((SerialConsumer<Object>) one).accept(args[0]);
            } else {
                ((SerialBiConsumer<Object, Object>) two).accept(args[0], args[1]);
            }
            return null;
        }
    }

    /** For subclasses that override {@link #run()}. */
    protected Process() {
        this((Object) null, TaskKind.PROCESS, null);
    }

    private Process(Object target, TaskKind kind, Object[] args) {
        if (target == null && kind != TaskKind.PROCESS) {
            throw new IllegalArgumentException("a Process needs a target (or subclass Process and override run())");
        }
        this.target = target;
        this.kind = kind;
        this.args = args;
        int n = COUNTER.incrementAndGet();
        this.name = "Process-" + n;
    }

    /**
     * The process's work, run in the worker. Subclasses override it; the base version runs the
     * target in the calling process.
     */
    public void run() throws Exception {
        if (target instanceof SerialRunnable r) {
            r.run();
        } else if (target instanceof SerialCallable<?> c) {
            c.call();
        } else if (target instanceof StarFunction<?> f) {
            f.apply(args);
        }
    }

    /** Sets the name (before {@link #start()}). */
    public Process name(String newName) {
        notStarted("name");
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("a process name must not be empty");
        }
        this.name = newName;
        return this;
    }

    /** The name ({@code Process-N} unless set). */
    public String name() {
        return name;
    }

    /** Marks the process daemon (before {@link #start()}): terminated, not joined, at the parent's exit. */
    public Process daemon(boolean on) {
        notStarted("daemon");
        this.daemon = on;
        return this;
    }

    /** Whether the process is a daemon. */
    public boolean isDaemon() {
        return daemon;
    }

    /** Sets the index tasks see through {@link Worker#index()} (for groups of processes). */
    public Process index(int newIndex) {
        notStarted("index");
        this.index = newIndex;
        return this;
    }

    /** Adds JVM options for this process's worker (it then starts a fresh JVM). */
    public Process jvmOptions(String... options) {
        notStarted("jvmOptions");
        jvmOptions.addAll(Arrays.asList(options));
        return this;
    }

    /** Sets an environment variable for this process's worker (it then starts a fresh JVM). */
    public Process env(String key, String value) {
        notStarted("env");
        env.put(key, value);
        return this;
    }

    /**
     * Runs this process's worker on another Java installation (it then starts a fresh JVM).
     * Classes the worker fetches from this program must be compiled for a release that Java runs.
     *
     * @param home a Java home, or the {@code bin/java} inside one
     * @return this process
     * @throws IllegalArgumentException if it does not exist, is not a Java home, or is older than Java 17
     */
    public Process javaHome(Path home) {
        notStarted("javaHome");
        this.javaHome = WorkerJava.home(home);
        return this;
    }

    /**
     * Runs the process in {@code rt}'s workers (before {@link #start()}); without this, the
     * {@linkplain JmpRuntime#defaultRuntime() default runtime}'s.
     */
    public Process runtime(JmpRuntime rt) {
        notStarted("runtime");
        if (rt == null) {
            throw new IllegalArgumentException("the runtime must not be null");
        }
        this.runtime = rt;
        return this;
    }

    private void notStarted(String what) {
        if (ended != null) {
            throw new IllegalStateException("cannot set " + what + " of " + name + ": it was already started");
        }
    }

    private boolean overridesRun() {
        try {
            return getClass().getMethod("run").getDeclaringClass() != Process.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * Starts the process in a worker (a warm one when the options are the defaults).
     *
     * @throws IllegalStateException  if it was already started
     * @throws SerializationException if the target, a captured variable, an argument or a field of a
     *                                subclass cannot be serialized; nothing is started then
     */
    public synchronized Process start() {
        if (ended != null) {
            throw new IllegalStateException(name + " was already started; a Process can be started only once");
        }
        boolean subclass = overridesRun();
        ShippedFunction fn = subclass ? ShippedFunction.of(this, "process") : ShippedFunction.of(target, "task");
        TaskKind k = subclass ? TaskKind.PROCESS : kind;
        List<byte[]> argFrames = List.of();
        if (k == TaskKind.STAR) {
            argFrames = new ValueList.Writer().add(ValueList.VALUE, Values.encodeArgs(args, "args")).frames();
        }
        Supervisor sup = (runtime != null ? runtime : JmpRuntime.defaultRuntime()).supervisor();
        CompletableFuture<WorkerExit> f = new CompletableFuture<>();
        Member m = new Member();
        WorkerHandle w = sup.acquire(new WorkerOptions(jvmOptions, env, javaHome), m);
        this.worker = w;
        this.supervisor = sup;
        this.member = m;
        this.ended = f;
        this.jobId = sup.nextId();
        w.assign(index, name);
        w.run(List.of(new Dispatch(sup.nextId(), jobId, 0, 1, k, true, fn, argFrames)));
        sup.addMember(m);
        return this;
    }

    /**
     * Waits until the process ends.
     *
     * @throws IllegalStateException      if it was never started
     * @throws WaitInterruptedException   if the waiting thread is interrupted
     */
    public Process join() {
        CompletableFuture<WorkerExit> f = started("join");
        try {
            f.get();
        } catch (InterruptedException e) {
            throw new WaitInterruptedException(name, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return this;
    }

    /**
     * Waits at most {@code timeout} for the process to end.
     *
     * @return whether it ended
     * @throws IllegalArgumentException if the timeout is negative
     */
    public boolean join(Duration timeout) {
        Durations.check(timeout);
        CompletableFuture<WorkerExit> f = started("join");
        try {
            f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            throw new WaitInterruptedException(name, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Completes with this process when it has ended (its exit code, result and output are in),
     * like {@link java.lang.Process#onExit()}; for a process not started yet, once it is started
     * and has ended. Completing or cancelling the returned future does not affect the process.
     *
     * @return a new future each call
     */
    public CompletableFuture<Process> onExit() {
        return exited.copy();
    }

    private CompletableFuture<WorkerExit> started(String what) {
        CompletableFuture<WorkerExit> f = ended;
        if (f == null) {
            throw new IllegalStateException("cannot " + what + " " + name + ": it was never started (call start() first)");
        }
        return f;
    }

    /** Whether the process was started and has not ended. */
    public boolean isAlive() {
        CompletableFuture<WorkerExit> f = ended;
        return f != null && !f.isDone();
    }

    /**
     * The worker's process id, or -1 before {@link #start()}. While the JVM waits for a launch
     * slot (many processes were started at once), this waits for its launch; it is -1 if the
     * process was stopped before its JVM was launched.
     */
    public long pid() {
        WorkerHandle w = worker;
        return w == null ? -1 : w.awaitPid();
    }

    /** Python's exit code: {@code null} before the end, 0 ok, 1 uncaught exception, N for exit(N), -N killed by signal N. */
    public Integer exitCode() {
        WorkerExit e = exit;
        return e == null ? null : e.exitCode();
    }

    /** The job id tagging this process's output events. */
    public long jobId() {
        return jobId;
    }

    /**
     * The value a callable target returned, deserialized with the runtime's result loader.
     *
     * @return the value, or {@code null} for runnable targets, failed or killed processes
     * @throws IllegalStateException if the process has not ended
     */
    public Object result() {
        if (exit == null) {
            throw new IllegalStateException(name + " has not ended; join() it first");
        }
        byte[] b = resultBytes;
        if (b == null) {
            return null;
        }
        return resultRaw ? b : Values.decode(b, supervisor.settings().resultLoader());
    }

    /**
     * The exception the target threw; or, when jmp gave up on the process (it never connected,
     * could not be reached, lost messages, could not be launched, or left because its parent went
     * away), one whose {@link RemoteException#remoteClassName()} is {@link WorkerDiedException}
     * and whose message says why in words; otherwise {@code null}: the target returned, called
     * {@code System.exit}, a signal from elsewhere killed it, or it was stopped by
     * {@link #terminate()} or {@link #kill()} (as in Python, that shows in {@link #exitCode()}).
     */
    public RemoteException exception() {
        ErrorInfo e = error;
        if (e != null) {
            return Errors.toException(e);
        }
        WorkerExit x = exit;
        String why = x == null ? null : x.jmpReason();
        if (why == null) {
            return null;
        }
        String message = new WorkerDiedException(name, pid(), x.exitCode(), why, List.of()).getMessage();
        return Errors.toException(new ErrorInfo(WorkerDiedException.class.getName(), message, List.of(), null,
                List.of(), ErrorCode.WORKER_DIED));
    }

    /** The last lines the worker wrote to stderr (after it ended). */
    public List<String> lastStderr() {
        WorkerExit e = exit;
        return e == null ? List.of() : e.lastStderr();
    }

    /** Stops the process: SIGTERM, then SIGKILL if it is still alive after 2 seconds. */
    public void terminate() {
        terminate(DEFAULT_GRACE);
    }

    /** Stops the process: SIGTERM, then SIGKILL if it is still alive after {@code grace}. */
    public void terminate(Duration grace) {
        Durations.check(grace);
        terminate(grace, "it was terminated through Process.terminate()");
    }

    private void terminate(Duration grace, String reason) {
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

    /** Kills the process at once (SIGKILL). */
    public void kill() {
        WorkerHandle w = worker;
        if (w != null) {
            w.stop("it was killed through Process.kill()", true);
        }
    }

    @Override
    public String toString() {
        Integer code = exitCode();
        String state = ended == null ? "initial" : code == null ? "started" : "stopped exitcode=" + code;
        return "<Process name='" + name + "' " + state + (daemon ? " daemon" : "") + ">";
    }

    /** The process's side of the supervisor: results, exit, and the runtime's end. */
    private final class Member implements WorkerOwner, RuntimeMember {
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
            exited.complete(Process.this);
        }

        @Override
        public boolean daemonAtExit() {
            return daemon;
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
}
