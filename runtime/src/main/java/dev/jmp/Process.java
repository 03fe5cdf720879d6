package dev.jmp;

import dev.jmp.error.RemoteException;
import dev.jmp.error.SerializationException;
import dev.jmp.error.WaitInterruptedException;
import dev.jmp.error.WorkerDiedException;
import dev.jmp.function.SerialBiConsumer;
import dev.jmp.function.SerialCallable;
import dev.jmp.function.SerialConsumer;
import dev.jmp.function.SerialRunnable;
import dev.jmp.function.StarFunction;
import dev.jmp.internal.serial.ValueList;
import dev.jmp.internal.serial.Values;
import dev.jmp.internal.supervisor.Dispatch;
import dev.jmp.internal.supervisor.ShippedFunction;
import dev.jmp.internal.supervisor.Supervisor;
import dev.jmp.internal.supervisor.WorkerExit;
import dev.jmp.internal.supervisor.WorkerOptions;
import dev.jmp.internal.util.Durations;
import dev.jmp.internal.wire.message.TaskKind;
import dev.jmp.launch.WorkerJava;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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

    private String name;
    private boolean daemon;
    private int index = -1;
    private transient Object target;
    private transient TaskKind kind;
    private transient Object[] args;
    private transient List<String> jvmOptions = new ArrayList<>();
    private transient Map<String, String> env = new LinkedHashMap<>();
    private transient Path javaHome;
    private final transient CompletableFuture<Process> exited = new CompletableFuture<>();
    private transient JmpRuntime runtime;
    // Set once by start(): what runs (its worker, outcome and exit).
    private transient volatile ProcessRun run;

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
        if (run != null) {
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
        if (run != null) {
            throw new IllegalStateException(name + " was already started; a Process can be started only once");
        }
        boolean subclass = overridesRun();
        ShippedFunction fn = subclass ? ShippedFunction.of(this, "process") : ShippedFunction.of(target, "task");
        TaskKind k = subclass ? TaskKind.PROCESS : kind;
        List<byte[]> argFrames = k == TaskKind.STAR
                ? new ValueList.Writer().add(ValueList.VALUE, Values.encodeArgs(args, "args")).frames() : List.of();
        Supervisor sup = (runtime != null ? runtime : JmpRuntime.defaultRuntime()).supervisor();
        run = ProcessRun.start(this, sup, new WorkerOptions(jvmOptions, env, javaHome), index,
                (taskId, jobId) -> new Dispatch(taskId, jobId, 0, 1, k, true, fn, argFrames), exited);
        return this;
    }

    /**
     * Waits until the process ends.
     *
     * @throws IllegalStateException      if it was never started
     * @throws WaitInterruptedException   if the waiting thread is interrupted
     */
    public Process join() {
        started("join").join();
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
        return started("join").join(timeout);
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

    private ProcessRun started(String what) {
        ProcessRun r = run;
        if (r == null) {
            throw new IllegalStateException("cannot " + what + " " + name + ": it was never started (call start() first)");
        }
        return r;
    }

    /** Whether the process was started and has not ended. */
    public boolean isAlive() {
        ProcessRun r = run;
        return r != null && r.isAlive();
    }

    /**
     * The worker's process id, or -1 before {@link #start()}. While the JVM waits for a launch
     * slot (many processes were started at once), this waits for its launch; it is -1 if the
     * process was stopped before its JVM was launched.
     */
    public long pid() {
        ProcessRun r = run;
        return r == null ? -1 : r.pid();
    }

    /**
     * The host its worker runs on, as the user named it (a cluster's {@code --hosts} entry), or
     * {@code null} for a worker on this machine or before its JVM was launched.
     */
    public String host() {
        ProcessRun r = run;
        return r == null ? null : r.host();
    }

    /** Python's exit code: {@code null} before the end, 0 ok, 1 uncaught exception, N for exit(N), -N killed by signal N. */
    public Integer exitCode() {
        WorkerExit e = exit();
        return e == null ? null : e.exitCode();
    }

    /** The job id tagging this process's output events (-1 before {@link #start()}). */
    public long jobId() {
        ProcessRun r = run;
        return r == null ? -1 : r.jobId();
    }

    private WorkerExit exit() {
        ProcessRun r = run;
        return r == null ? null : r.exit();
    }

    /**
     * The value a callable target returned, deserialized with the runtime's result loader.
     *
     * @return the value, or {@code null} for runnable targets, failed or killed processes
     * @throws IllegalStateException if the process has not ended
     */
    public Object result() {
        if (exit() == null) {
            throw new IllegalStateException(name + " has not ended; join() it first");
        }
        return run.result();
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
        ProcessRun r = run;
        return r == null ? null : r.exception();
    }

    /** The last lines the worker wrote to stderr (after it ended). */
    public List<String> lastStderr() {
        WorkerExit e = exit();
        return e == null ? List.of() : e.lastStderr();
    }

    /** Stops the process: SIGTERM, then SIGKILL if it is still alive after 2 seconds. */
    public void terminate() {
        terminate(ProcessRun.DEFAULT_GRACE);
    }

    /** Stops the process: SIGTERM, then SIGKILL if it is still alive after {@code grace}. */
    public void terminate(Duration grace) {
        Durations.check(grace);
        terminate(grace, "it was terminated through Process.terminate()");
    }

    private void terminate(Duration grace, String reason) {
        ProcessRun r = run;
        if (r != null) {
            r.terminate(grace, reason);
        }
    }

    /** Kills the process at once (SIGKILL). */
    public void kill() {
        ProcessRun r = run;
        if (r != null) {
            r.kill();
        }
    }

    @Override
    public String toString() {
        Integer code = exitCode();
        String state = run == null ? "initial" : code == null ? "started" : "stopped exitcode=" + code;
        return "<Process name='" + name + "' " + state + (daemon ? " daemon" : "") + ">";
    }
}
