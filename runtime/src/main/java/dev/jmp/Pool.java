package dev.jmp;

import dev.jmp.error.WaitInterruptedException;
import dev.jmp.function.SerialBiFunction;
import dev.jmp.function.SerialCallable;
import dev.jmp.function.SerialFunction;
import dev.jmp.function.SerialRunnable;
import dev.jmp.function.StarFunction;
import dev.jmp.internal.pool.ItemSource;
import dev.jmp.internal.pool.PoolScheduler;
import dev.jmp.internal.serial.Values;
import dev.jmp.internal.supervisor.ShippedFunction;
import dev.jmp.internal.supervisor.Supervisor;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * A pool of worker JVMs, like Python's {@code multiprocessing.Pool}.
 *
 * <pre>{@code
 * try (Pool pool = new Pool(4)) {
 *     List<Integer> squares = pool.map(x -> x * x, List.of(1, 2, 3));
 * }
 * }</pre>
 *
 * Functions are serializable lambdas; what they capture and the items must be serializable too,
 * and a failure to serialize is reported before anything is sent, naming the field path. Results
 * come back in input order (map, imap) or as they finish (imapUnordered). Without a chunk size,
 * the pool batches short tasks adaptively. A worker that dies is replaced; its tasks fail with a
 * {@link WorkerDiedException} or are retried when {@link Builder#retries} allows.
 *
 * <p>{@link #close()} stops accepting work and lets workers exit when the submitted work is done
 * (Python's {@code close}); {@link #join()} then waits for them; {@link #terminate()} stops at once.
 */
public class Pool implements AutoCloseable {

    private final Supervisor supervisor;
    private final PoolScheduler scheduler;
    private final PoolJobs jobs;

    /** A pool with one worker per available processor. */
    public Pool() {
        this(builder());
    }

    /**
     * A pool of {@code processes} workers.
     *
     * @throws IllegalArgumentException if {@code processes < 1}
     */
    public Pool(int processes) {
        this(builder().processes(processes));
    }

    private Pool(Builder b) {
        if (b.processes < 1) {
            throw new IllegalArgumentException("a Pool needs at least 1 process, not " + b.processes);
        }
        this.supervisor = (b.runtime != null ? b.runtime : JmpRuntime.defaultRuntime()).supervisor();
        this.scheduler = new PoolScheduler(supervisor, b.processes, new WorkerOptions(b.jvmOptions, b.env, b.javaHome),
                b.retries, b.grace, b.namePrefix);
        this.jobs = new PoolJobs(supervisor, scheduler);
    }

    /** Options beyond the number of workers. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a pool with options. */
    public static final class Builder {
        private int processes = Runtime.getRuntime().availableProcessors();
        private int retries;
        private final List<String> jvmOptions = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private Path javaHome;
        private Duration grace = Duration.ofSeconds(2);
        private String namePrefix = "PoolWorker-";
        private JmpRuntime runtime;

        private Builder() {
        }

        /** The runtime whose workers the pool uses (default: {@link JmpRuntime#defaultRuntime()}). */
        public Builder runtime(JmpRuntime rt) {
            if (rt == null) {
                throw new IllegalArgumentException("the runtime must not be null");
            }
            this.runtime = rt;
            return this;
        }

        /** Number of workers (default: available processors). */
        public Builder processes(int n) {
            this.processes = n;
            return this;
        }

        /** How many times a task whose worker died (or which threw) is tried again (default 0). */
        public Builder retries(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("retries must be >= 0, not " + n);
            }
            this.retries = n;
            return this;
        }

        /** JVM options for the workers (they then start fresh JVMs instead of warm ones). */
        public Builder jvmOptions(String... options) {
            jvmOptions.addAll(Arrays.asList(options));
            return this;
        }

        /** An environment variable for the workers (they then start fresh JVMs). */
        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        /**
         * The Java installation the workers run on (default: the one running this program), for
         * example a newer JDK for a faster start. Classes the workers fetch from this program
         * must be compiled for a release that Java runs.
         *
         * @param home a Java home, or the {@code bin/java} inside one
         * @return this builder
         * @throws IllegalArgumentException if it does not exist, is not a Java home, or is older than Java 17
         */
        public Builder javaHome(Path home) {
            this.javaHome = WorkerJava.home(home);
            return this;
        }

        /** How long cancelled or terminated tasks get to stop after an interrupt before their worker is killed. */
        public Builder cancelGrace(Duration d) {
            this.grace = Durations.check(d);
            return this;
        }

        /** Worker names are this prefix and a number from 1 (default {@code PoolWorker-}). */
        public Builder namePrefix(String prefix) {
            this.namePrefix = prefix;
            return this;
        }

        /** Starts the pool. */
        public Pool build() {
            return new Pool(this);
        }
    }

    // ---- map family -------------------------------------------------------------------------

    /** Applies {@code fn} to every item in worker processes; returns the results in input order. */
    public <T, R> List<R> map(SerialFunction<? super T, ? extends R> fn, Iterable<? extends T> items) {
        return this.<T, R>mapAsync(fn, items, 0, null, null).get();
    }

    /** Like {@link #map(SerialFunction, Iterable)} with {@code chunksize} items per task. */
    public <T, R> List<R> map(SerialFunction<? super T, ? extends R> fn, Iterable<? extends T> items, int chunksize) {
        return this.<T, R>mapAsync(fn, items, chunksize, null, null).get();
    }

    /** Starts a map and returns at once. */
    public <T, R> AsyncResult<List<R>> mapAsync(SerialFunction<? super T, ? extends R> fn, Iterable<? extends T> items) {
        return this.<T, R>mapAsync(fn, items, 0, null, null);
    }

    /**
     * Starts a map and returns at once.
     *
     * @param chunksize     items per task, or 0 for adaptive
     * @param callback      called in this process with the results, or {@code null}
     * @param errorCallback called in this process with the first failure, or {@code null}; what
     *                      either callback throws is printed with its trace on {@code System.err}
     */
    public <T, R> AsyncResult<List<R>> mapAsync(SerialFunction<? super T, ? extends R> fn, Iterable<? extends T> items,
                                                int chunksize, Consumer<? super List<R>> callback,
                                                Consumer<? super Throwable> errorCallback) {
        // Encoded here, into one buffer, so a value that cannot be sent fails this call.
        return jobs.submit(ShippedFunction.of(fn, "task"), TaskKind.APPLY, chunksize, ItemSource.encode(items),
                jobs::decodeAll, callback, errorCallback);
    }

    /** Applies {@code fn} to each argument list, as {@code fn(*args)}; results in input order. */
    public <R> List<R> starmap(StarFunction<? extends R> fn, Iterable<Object[]> argLists) {
        return this.<R>starmapAsync(fn, argLists, 0).get();
    }

    /** Applies {@code fn(a, b)} to each pair; results in input order. */
    public <A, B, R> List<R> starmap(SerialBiFunction<? super A, ? super B, ? extends R> fn,
                                     Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs) {
        List<byte[]> encoded = new ArrayList<>();
        for (Map.Entry<? extends A, ? extends B> p : pairs) {
            encoded.add(Values.encodeArgs(new Object[] {p.getKey(), p.getValue()}, "items[" + encoded.size() + "]"));
        }
        return jobs.<List<R>>submit(ShippedFunction.of(fn, "task"), TaskKind.BI, 0, encoded, jobs::decodeAll, null, null).get();
    }

    /** Starts a starmap and returns at once ({@code chunksize} 0 for adaptive). */
    public <R> AsyncResult<List<R>> starmapAsync(StarFunction<? extends R> fn, Iterable<Object[]> argLists, int chunksize) {
        List<byte[]> encoded = new ArrayList<>();
        for (Object[] args : argLists) {
            encoded.add(Values.encodeArgs(args, "items[" + encoded.size() + "]"));
        }
        return jobs.submit(ShippedFunction.of(fn, "task"), TaskKind.STAR, chunksize, encoded, jobs::decodeAll, null, null);
    }

    /** Lazily maps: results in input order as they come; items are read as the pool needs them. */
    public <T, R> ResultIterator<R> imap(SerialFunction<? super T, ? extends R> fn, Iterable<? extends T> items) {
        return jobs.stream(fn, items, 0, true, null);
    }

    /** Like {@link #imap(SerialFunction, Iterable)} with {@code chunksize} items per task. */
    public <T, R> ResultIterator<R> imap(SerialFunction<? super T, ? extends R> fn, Iterable<? extends T> items,
                                         int chunksize) {
        return jobs.stream(fn, items, chunksize, true, null);
    }

    /** Lazily maps: results as they finish (see {@link ResultIterator#lastIndex()}). */
    public <T, R> ResultIterator<R> imapUnordered(SerialFunction<? super T, ? extends R> fn,
                                                  Iterable<? extends T> items) {
        return jobs.stream(fn, items, 0, false, null);
    }

    /** Like {@link #imapUnordered(SerialFunction, Iterable)} with {@code chunksize} items per task. */
    public <T, R> ResultIterator<R> imapUnordered(SerialFunction<? super T, ? extends R> fn,
                                                  Iterable<? extends T> items, int chunksize) {
        return jobs.stream(fn, items, chunksize, false, null);
    }

    /**
     * Lazily maps a stream: its items are taken as the pool needs them (at most a window of
     * items waits in the pool at a time), so an endless stream works as long as the results are
     * consumed; the stream is closed when its items run out or the iteration is closed.
     */
    public <T, R> ResultIterator<R> imap(SerialFunction<? super T, ? extends R> fn, java.util.stream.Stream<? extends T> items) {
        return jobs.stream(fn, items::iterator, 0, true, items::close);
    }

    /** Like {@link #imap(SerialFunction, java.util.stream.Stream)}, results as they finish. */
    public <T, R> ResultIterator<R> imapUnordered(SerialFunction<? super T, ? extends R> fn,
                                                  java.util.stream.Stream<? extends T> items) {
        return jobs.stream(fn, items::iterator, 0, false, items::close);
    }

    /** Like {@link #imapUnordered(SerialFunction, java.util.stream.Stream)} with {@code chunksize} items per task. */
    public <T, R> ResultIterator<R> imapUnordered(SerialFunction<? super T, ? extends R> fn,
                                                  java.util.stream.Stream<? extends T> items, int chunksize) {
        return jobs.stream(fn, items::iterator, chunksize, false, items::close);
    }

    // ---- apply family -----------------------------------------------------------------------

    /** Runs {@code fn} in a worker and waits for its result. */
    public <R> R apply(SerialCallable<R> fn) {
        return applyAsync(fn, null, null).get();
    }

    /**
     * Runs {@code fn(args...)} in a worker and waits for its result. With exactly one argument a
     * one-parameter lambda resolves to {@link #apply(SerialFunction, Object)} instead (the typed
     * form); cast the lambda to {@code StarFunction} to get this one.
     */
    @SuppressWarnings("overloads") // the one-argument case is resolved on purpose, see above
    public <R> R apply(StarFunction<R> fn, Object... args) {
        return applyAsync(fn, args, null, null).get();
    }

    /** Runs {@code fn} in a worker; returns at once. */
    public <R> AsyncResult<R> applyAsync(SerialCallable<R> fn) {
        return applyAsync(fn, null, null);
    }

    /**
     * Runs {@code fn} in a worker; returns at once.
     *
     * @param callback      called in this process with the value, or {@code null}
     * @param errorCallback called in this process with the failure, or {@code null}; what either
     *                      callback throws is printed with its trace on {@code System.err} (in a
     *                      notebook, the cell's stderr) and the pool goes on
     */
    public <R> AsyncResult<R> applyAsync(SerialCallable<R> fn, Consumer<? super R> callback,
                                         Consumer<? super Throwable> errorCallback) {
        ShippedFunction shipped = ShippedFunction.of(fn, "task");
        return jobs.submit(shipped, TaskKind.CALL, 1, List.of(Values.encode(null, "args")), jobs::decodeOne, callback,
                errorCallback);
    }

    /**
     * Runs {@code fn} in a worker and waits for it to finish; a body with no result,
     * {@code pool.apply(() -> { work(); })}. A failure is thrown here as for the other forms.
     */
    public void apply(SerialRunnable fn) {
        applyAsync(fn).get();
    }

    /**
     * Runs {@code fn(arg)} in a worker and waits for its result, like Python's
     * {@code pool.apply(f, (x,))}: {@code pool.apply(m -> m.get("a"), sharedMap)}, typed, with no
     * argument array and no casts. A one-parameter lambda with one argument resolves to this form;
     * for the {@code fn(Object... args)} form with a single argument write the lambda's type,
     * {@code pool.apply((StarFunction<R>) args -> ..., x)}.
     *
     * @param arg the argument; it must be serializable (a shared object travels as a live reference)
     */
    @SuppressWarnings("overloads") // resolved on purpose against apply(StarFunction, Object...)
    public <T, R> R apply(SerialFunction<? super T, ? extends R> fn, T arg) {
        return applyAsync(fn, arg).get();
    }

    /**
     * Runs {@code fn(a, b)} in a worker and waits for its result:
     * {@code pool.apply((lock, counts) -> ..., lock, counts)}, typed.
     */
    public <A, B, R> R apply(SerialBiFunction<? super A, ? super B, ? extends R> fn, A a, B b) {
        return applyAsync(fn, a, b).get();
    }

    /**
     * Runs {@code fn} in a worker; returns at once. The result's value is {@code null}; its
     * {@code get()} waits for the body and throws its failure.
     */
    public AsyncResult<Void> applyAsync(SerialRunnable fn) {
        ShippedFunction shipped = ShippedFunction.of(fn, "task");
        return jobs.submit(shipped, TaskKind.RUN, 1, List.of(Values.encode(null, "args")), jobs::decodeOne, null, null);
    }

    /** Runs {@code fn(arg)} in a worker; returns at once. See {@link #apply(SerialFunction, Object)}. */
    public <T, R> AsyncResult<R> applyAsync(SerialFunction<? super T, ? extends R> fn, T arg) {
        ShippedFunction shipped = ShippedFunction.of(fn, "task");
        return jobs.submit(shipped, TaskKind.APPLY, 1, List.of(Values.encode(arg, "arg")), jobs::decodeOne, null, null);
    }

    /** Runs {@code fn(a, b)} in a worker; returns at once. */
    public <A, B, R> AsyncResult<R> applyAsync(SerialBiFunction<? super A, ? super B, ? extends R> fn, A a, B b) {
        ShippedFunction shipped = ShippedFunction.of(fn, "task");
        return jobs.submit(shipped, TaskKind.BI, 1, List.of(Values.encodeArgs(new Object[] {a, b}, "args")),
                jobs::decodeOne, null, null);
    }

    /** Runs {@code fn(args...)} in a worker; returns at once. */
    public <R> AsyncResult<R> applyAsync(StarFunction<R> fn, Object[] args, Consumer<? super R> callback,
                                         Consumer<? super Throwable> errorCallback) {
        ShippedFunction shipped = ShippedFunction.of(fn, "task");
        byte[] a = Values.encodeArgs(args == null ? new Object[0] : args, "args");
        return jobs.submit(shipped, TaskKind.STAR, 1, List.of(a), jobs::decodeOne, callback, errorCallback);
    }

    // ---- life cycle -------------------------------------------------------------------------

    /** Stops accepting work; workers exit when the submitted work is done (Python's {@code close}). */
    @Override
    public void close() {
        scheduler.close();
    }

    /**
     * Waits for the workers to exit.
     *
     * @throws IllegalStateException if the pool is still running (call {@link #close()} or
     *                               {@link #terminate()} first, as in Python)
     */
    public void join() {
        if (scheduler.isRunning()) {
            throw new IllegalStateException("the pool is still running: call close() or terminate() before join()");
        }
        try {
            scheduler.terminated().get();
        } catch (InterruptedException e) {
            throw new WaitInterruptedException("the pool's workers", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Stops now: unfinished results fail with {@link CancellationException}, running tasks are
     * interrupted, workers still busy after the grace period are killed. Returns when every worker
     * has exited.
     */
    public void terminate() {
        scheduler.terminate();
    }

    /** This pool as an {@link ExecutorService}; submitted tasks must be serializable. */
    public ExecutorService asExecutorService() {
        return new PoolExecutor(this, scheduler);
    }

    /**
     * Waits until every worker has started and connected (work submitted before then simply
     * starts on the workers that are ready).
     *
     * @return whether all were ready within the timeout
     */
    public boolean awaitWorkers(Duration timeout) {
        try {
            return scheduler.awaitReady(Durations.check(timeout));
        } catch (InterruptedException e) {
            throw new WaitInterruptedException("the pool's workers", e);
        }
    }

    /** Number of workers. */
    public int size() {
        return scheduler.size();
    }

    /** Process ids of the current workers (waiting for those whose JVM waits for a launch slot). */
    public List<Long> pids() {
        return scheduler.pids();
    }
}
