package dev.jmp.jjava.testkernel;

import jdk.jshell.execution.DirectExecutionControl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs each snippet as a task on a thread pool and keeps its value by key (JShell itself only
 * sees the key); an interrupt cancels the running tasks, so the cell ends at once, as in JJava.
 */
final class TestExecutionControl extends DirectExecutionControl {

    static final String INTERRUPTED = "Execution Interrupted";
    private static final Object NULL = new Object();

    private final TestLoaderDelegate loaderDelegate;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-kernel-cell");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Future<Object>> running = new ConcurrentHashMap<>();
    private final Map<String, Object> results = new ConcurrentHashMap<>();

    TestExecutionControl(TestLoaderDelegate loaderDelegate) {
        super(loaderDelegate);
        this.loaderDelegate = loaderDelegate;
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        String key = UUID.randomUUID().toString();
        Future<Object> task = executor.submit(() -> doit.invoke(null));
        running.put(key, task);
        try {
            Object value = task.get();
            results.put(key, value == null ? NULL : value);
            return key;
        } catch (CancellationException e) {
            throw new UserException("Execution interrupted.", INTERRUPTED, new StackTraceElement[0]);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvocationTargetException ite) {
                throw ite;
            }
            throw e;
        } finally {
            running.remove(key);
        }
    }

    Object takeResult(String key) {
        Object value = results.remove(key);
        return value == NULL ? null : value;
    }

    void interrupt() {
        running.values().forEach(f -> f.cancel(true));
    }

    ClassLoader classLoader() {
        return loaderDelegate.classLoader();
    }

    @Override
    public void stop() {
        executor.shutdownNow();
    }
}
