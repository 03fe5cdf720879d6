package dev.jmp;

import dev.jmp.internal.supervisor.DefaultSupervisor;
import dev.jmp.internal.supervisor.RuntimeAccess;
import dev.jmp.internal.supervisor.RuntimeSettings;
import dev.jmp.internal.supervisor.Supervisor;
import dev.jmp.internal.supervisor.WorkerHandle;
import dev.jmp.internal.supervisor.WorkerInventory;
import dev.jmp.internal.util.Durations;
import dev.jmp.internal.wire.message.AddClasspath;
import dev.jmp.spi.WorkerInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One jmp runtime: the supervisor of its worker JVMs, their wire, services and warm set. The
 * processes, pools and managers made with it use its workers, and end with it.
 *
 * <p>Most programs never name one: {@link Process}, {@link Pool}, {@code Manager} and
 * {@link Jmp} use the {@linkplain #defaultRuntime() default runtime}, started on first use. A
 * program that wants a runtime of its own (other settings, or its own life cycle) builds one and
 * hands it over:
 *
 * <pre>{@code
 * try (JmpRuntime rt = JmpRuntime.builder().warmWorkers(2).build()) {
 *     try (Pool pool = Pool.builder().runtime(rt).processes(2).build()) {
 *         pool.map(x -> x * x, List.of(1, 2, 3));
 *     }
 *     new Process(() -> System.out.println("hi")).runtime(rt).start().join();
 * }
 * }</pre>
 *
 * Several runtimes in one JVM are independent: each has its own key, hub and workers. Class
 * sources, task preparers and the trace formatter are the JVM's and serve every runtime.
 */
public final class JmpRuntime implements AutoCloseable {

    private static JmpRuntime defaultInstance;

    static {
        RuntimeAccess.install(r -> ((JmpRuntime) r).supervisor);
    }

    private final Supervisor supervisor;

    private JmpRuntime(Supervisor supervisor) {
        this.supervisor = supervisor;
        // A worker may ask for the implicit manager (a Shared.lock(), another host's mapped array)
        // before this process made any shared object: the service answers from the start.
        dev.jmp.internal.manager.ManagerService.in(supervisor);
    }

    /**
     * The default runtime, starting it if it is not running (after {@link #close()} or
     * {@link Jmp#shutdown()} of the previous one, a fresh one). Its settings are those {@link Jmp}
     * sets.
     *
     * @return the running default runtime
     */
    public static synchronized JmpRuntime defaultRuntime() {
        Supervisor s = DefaultSupervisor.get();
        if (defaultInstance == null || defaultInstance.supervisor != s) {
            defaultInstance = new JmpRuntime(s);
        }
        return defaultInstance;
    }

    /** The default runtime if it runs, or {@code null}; never starts it. */
    static synchronized JmpRuntime runningDefault() {
        Supervisor s = DefaultSupervisor.peek();
        if (s == null) {
            return null;
        }
        if (defaultInstance == null || defaultInstance.supervisor != s) {
            defaultInstance = new JmpRuntime(s);
        }
        return defaultInstance;
    }

    /** Settings for a runtime of its own. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a runtime with its own settings (each starts from the defaults, not from {@link Jmp}'s). */
    public static final class Builder {
        private final RuntimeSettings settings;

        private Builder() {
            this(new RuntimeSettings());
        }

        private Builder(RuntimeSettings settings) {
            this.settings = settings;
        }

        /** Idle workers kept started, so pools and processes start in milliseconds (default 0). */
        public Builder warmWorkers(int n) {
            settings.setWarmWorkers(n);
            return this;
        }

        /** JVM options every worker starts with. */
        public Builder workerJvmOptions(String... options) {
            settings.setJvmOptions(Arrays.asList(options));
            return this;
        }

        /** Jars or directories on every worker's classpath. */
        public Builder classpath(Path... paths) {
            settings.addClasspath(Arrays.asList(paths));
            return this;
        }

        /** The launcher, by short name (default {@code local}). */
        public Builder launcher(String name) {
            return launcher(name, java.util.Map.of());
        }

        /**
         * The launcher, by short name, with its options (such as {@code ssh} with
         * {@code hosts=node1,node2:4}); the launcher checks them here, so a bad option fails now.
         *
         * @throws IllegalArgumentException naming an unknown launcher, an unknown option or a bad value
         */
        public Builder launcher(String name, java.util.Map<String, String> options) {
            dev.jmp.launch.Launchers.byName(name).configure(options);
            settings.setLauncher(name, options);
            return this;
        }

        /** The loader results and received values are deserialized with (see {@link Jmp#setResultClassLoader}). */
        public Builder resultClassLoader(ClassLoader loader) {
            settings.setResultLoader(loader);
            return this;
        }

        /** Starts the runtime (and its warm workers). */
        public JmpRuntime build() {
            return new JmpRuntime(Supervisor.start(settings));
        }
    }

    /** A builder whose runtime shares the default runtime's class sources, output listeners and classpath. */
    static Builder builderLikeDefault() {
        return new Builder(new RuntimeSettings(RuntimeSettings.global()));
    }

    /** The supervisor, for the API classes of this package. */
    Supervisor supervisor() {
        return supervisor;
    }

    /** The settings in force, for the API classes of this package. */
    RuntimeSettings settings() {
        return supervisor.settings();
    }

    /** Adds jars or directories to the classpath of every worker of this runtime, running ones included. */
    public void addClasspath(Path... paths) {
        supervisor.settings().addClasspath(Arrays.asList(paths));
        List<String> abs = supervisor.workerPaths(Arrays.asList(paths));
        for (WorkerHandle w : supervisor.workers()) {
            w.send(new AddClasspath(abs), List.of());
        }
    }

    /** Keeps {@code n} idle workers started. */
    public void setWarmWorkers(int n) {
        supervisor.settings().setWarmWorkers(n);
        supervisor.warm().trim();
        supervisor.execute(supervisor.warm()::refill);
    }

    /** Sets the JVM options of every new worker; idle warm workers are restarted with them. */
    public void setWorkerJvmOptions(String... options) {
        supervisor.settings().setJvmOptions(Arrays.asList(options));
        supervisor.execute(supervisor.warm()::recycle);
    }

    /**
     * Describes this runtime's live workers, oldest first, waiting at most half a second for
     * their task counts and resource use.
     */
    public List<WorkerInfo> workers() {
        return workers(Duration.ofMillis(500));
    }

    /**
     * Describes this runtime's live workers, waiting at most {@code patience} in all for their
     * answers (-1 in the counts of a worker that did not answer).
     */
    public List<WorkerInfo> workers(Duration patience) {
        return WorkerInventory.snapshot(supervisor, Durations.check(patience));
    }

    /** The pids of every worker this runtime launched, exited ones included, in launch order. */
    public List<Long> launchedPids() {
        return supervisor.launchedPids();
    }

    /** Whether the runtime was closed. */
    public boolean isClosed() {
        return supervisor.isClosed();
    }

    /**
     * Stops the runtime at once: its pools and processes are terminated, every worker is killed,
     * its managers shut down. Closing the default runtime is {@link Jmp#shutdown()}.
     */
    @Override
    public void close() {
        supervisor.close();
    }

    @Override
    public String toString() {
        return "JmpRuntime[" + (isClosed() ? "closed" : supervisor.workers().size() + " workers") + "]";
    }
}
