package dev.jmp;

import dev.jmp.error.RemoteException;
import dev.jmp.internal.supervisor.DefaultSupervisor;
import dev.jmp.internal.supervisor.RuntimeSettings;
import dev.jmp.internal.util.Durations;
import dev.jmp.spi.ClassSource;
import dev.jmp.spi.OutputListener;
import dev.jmp.spi.Subscription;
import dev.jmp.spi.TaskPreparer;
import dev.jmp.spi.TaskPreparers;
import dev.jmp.spi.TraceFormat;
import dev.jmp.spi.WorkerInfo;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The default runtime's settings and hooks, for programs and for the kernel. The default runtime
 * ({@link JmpRuntime#defaultRuntime()}) starts by itself on first use (a {@link Process} start, a
 * {@link Pool}); nothing here is required for a plain {@code main}. Class sources, task
 * preparers and the trace formatter serve every runtime of the JVM.
 */
public final class Jmp {

    private Jmp() {
    }

    private static RuntimeSettings settings() {
        return RuntimeSettings.global();
    }

    /**
     * Adds a source of class bytes that workers' missing classes are looked up in, before the
     * parent's own classpath (the kernel plugs in the classes JShell defined).
     */
    public static void addClassSource(ClassSource source) {
        settings().classServer().addSource(source);
    }

    /** Removes a source added with {@link #addClassSource}. */
    public static void removeClassSource(ClassSource source) {
        settings().classServer().removeSource(source);
    }

    /**
     * Sets the class loader that results and received values are deserialized with in this
     * process (the kernel passes its JShell loader, so notebook-defined records come back as
     * themselves). Its classes' bytes are also served to workers if it exposes them as resources.
     */
    public static void setResultClassLoader(ClassLoader loader) {
        settings().setResultLoader(loader);
    }

    /**
     * Sets how {@link RemoteException#printStackTrace()} prints in this process: a notebook
     * kernel passes the formatter of its cell errors, so traces of notebook code from workers read
     * in cell lines. {@code null} restores the plain trace.
     *
     * @param formatter the lines for an exception and its causes
     */
    public static void setTraceFormatter(java.util.function.Function<Throwable, java.util.List<String>> formatter) {
        TraceFormat.set(formatter);
    }

    /**
     * Adds a hook called for every task dispatched from now on, in the dispatching thread and
     * before any worker runs it; its payload travels with the task and is installed in the worker
     * first (the kernel snapshots the notebook variables a task reads this way).
     */
    public static void addTaskPreparer(TaskPreparer preparer) {
        TaskPreparers.add(preparer);
    }

    /** Removes a hook added with {@link #addTaskPreparer}. */
    public static void removeTaskPreparer(TaskPreparer preparer) {
        TaskPreparers.remove(preparer);
    }

    /** Adds jars or directories to the classpath of every worker, running ones included. */
    public static void addClasspath(Path... paths) {
        JmpRuntime r = JmpRuntime.runningDefault();
        if (r != null) {
            r.addClasspath(paths);
        } else {
            settings().addClasspath(Arrays.asList(paths));
        }
        Cluster.addClasspathToAll(paths);
    }

    /**
     * Subscribes to every worker's output, line by line.
     *
     * @return closing it unsubscribes
     */
    public static Subscription addOutputListener(OutputListener listener) {
        return settings().output().add(listener);
    }

    /** Whether worker output is also printed on this process's stdout/stderr (default on). */
    public static void setOutputEcho(boolean on) {
        settings().output().setEcho(on);
    }

    /** Keeps {@code n} idle workers started, so pools and processes start in milliseconds. */
    public static void setWarmWorkers(int n) {
        JmpRuntime r = JmpRuntime.runningDefault();
        if (r != null) {
            r.setWarmWorkers(n);
        } else {
            settings().setWarmWorkers(n);
        }
    }

    /** Sets JVM options every new worker starts with (warm workers are restarted). */
    public static void setWorkerJvmOptions(String... options) {
        JmpRuntime r = JmpRuntime.runningDefault();
        if (r != null) {
            r.setWorkerJvmOptions(options);
        } else {
            settings().setJvmOptions(Arrays.asList(options));
        }
    }

    /** Chooses the launcher by short name ({@code local}); takes effect when the runtime next starts. */
    public static void setLauncher(String name) {
        dev.jmp.launch.Launchers.byName(name);
        settings().setLauncher(name);
    }

    /**
     * Describes the live worker processes (warm, starting and busy), oldest first, with the
     * number of tasks each finished (connected workers are asked, waiting at most half a second).
     */
    public static List<WorkerInfo> workers() {
        return workers(java.time.Duration.ofMillis(500));
    }

    /**
     * Describes the live worker processes, as {@link #workers()} does, waiting at most
     * {@code patience} in all for the workers' task counts (-1 for a worker that did not answer).
     */
    public static List<WorkerInfo> workers(java.time.Duration patience) {
        Durations.check(patience);
        JmpRuntime r = JmpRuntime.runningDefault();
        return r == null ? List.of() : r.workers(patience);
    }

    /**
     * The process ids of every worker JVM the running runtime launched, warm ones and ones that
     * have exited included, in launch order (tests use it to check that none outlives them).
     *
     * @return the pids, empty when the runtime is not running
     */
    public static List<Long> launchedPids() {
        JmpRuntime r = JmpRuntime.runningDefault();
        return r == null ? List.of() : r.launchedPids();
    }

    /** Starts the runtime now (it otherwise starts on first use), e.g. to fill the warm set early. */
    public static void start() {
        JmpRuntime.defaultRuntime();
    }

    /**
     * Stops the runtime at once: pools and processes are terminated, every worker is killed. The
     * next use starts a fresh runtime.
     */
    public static void shutdown() {
        DefaultSupervisor.shutdown();
    }
}
