package dev.jmp;

import dev.jmp.function.SerialCallable;
import dev.jmp.internal.pool.PoolScheduler;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link Pool} seen as an {@link java.util.concurrent.ExecutorService}. Tasks must be
 * serializable (a lambda cast to {@code Callable & Serializable}, or a {@link SerialCallable});
 * futures are views of the pool's results, and cancelling one interrupts the remote task.
 */
final class PoolExecutor extends AbstractExecutorService {

    private final Pool pool;
    private final PoolScheduler scheduler;

    PoolExecutor(Pool pool, PoolScheduler scheduler) {
        this.pool = pool;
        this.scheduler = scheduler;
    }

    private static void requireSerializable(Object task) {
        if (!(task instanceof Serializable)) {
            throw new IllegalArgumentException("a task sent to a worker process must be serializable, but "
                    + task.getClass().getName() + " is not: use a SerialCallable, or cast the lambda to "
                    + "(Callable<T> & Serializable)");
        }
    }

    /** Adapts a serializable callable. */
    private static final class CallableTask<T> implements SerialCallable<T> {
        private static final long serialVersionUID = 1L;
        private final Callable<T> task;

        CallableTask(Callable<T> task) {
            this.task = task;
        }

        @Override
        public T call() throws Exception {
            return task.call();
        }
    }

    /** Adapts a serializable runnable. */
    private static final class RunnableTask<T> implements SerialCallable<T> {
        private static final long serialVersionUID = 1L;
        private final Runnable task;
        private final T value;

        RunnableTask(Runnable task, T value) {
            this.task = task;
            this.value = value;
        }

        @Override
        public T call() {
            task.run();
            return value;
        }
    }

    /** A future whose work runs in the pool once {@link #execute} receives it. */
    private final class RemoteTask<T> implements RunnableFuture<T> {
        private final SerialCallable<T> task;
        private volatile AsyncResult<T> result;
        private final CompletableFuture<AsyncResult<T>> started = new CompletableFuture<>();

        RemoteTask(SerialCallable<T> task) {
            this.task = task;
        }

        @Override
        public void run() {
            result = pool.applyAsync(task);
            started.complete(result);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            AsyncResult<T> r = result;
            return r != null && r.cancel();
        }

        @Override
        public boolean isCancelled() {
            AsyncResult<T> r = result;
            return r != null && r.isCancelled();
        }

        @Override
        public boolean isDone() {
            AsyncResult<T> r = result;
            return r != null && r.ready();
        }

        @Override
        public T get() throws InterruptedException, ExecutionException {
            try {
                return started.get().toCompletableFuture().get();
            } catch (ExecutionException e) {
                throw e;
            }
        }

        @Override
        public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            AsyncResult<T> r = started.get(timeout, unit);
            return r.toCompletableFuture().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
        requireSerializable(callable);
        return new RemoteTask<>(callable instanceof SerialCallable<T> s ? s : new CallableTask<>(callable));
    }

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
        requireSerializable(runnable);
        if (value != null) {
            requireSerializable(value);
        }
        return new RemoteTask<>(new RunnableTask<>(runnable, value));
    }

    @Override
    public void execute(Runnable command) {
        if (command instanceof RemoteTask<?> t) {
            t.run();
            return;
        }
        requireSerializable(command);
        pool.applyAsync(new RunnableTask<>(command, null));
    }

    @Override
    public void shutdown() {
        pool.close();
    }

    @Override
    public List<Runnable> shutdownNow() {
        pool.terminate();
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return !scheduler.isRunning();
    }

    @Override
    public boolean isTerminated() {
        return scheduler.terminated().isDone();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return scheduler.awaitTermination(java.time.Duration.ofNanos(unit.toNanos(timeout)));
    }
}
