package dev.jmp.kernel.jshell;

import dev.jmp.magics.render.ValueSummary;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs snippets in this JVM on one long-lived cell thread, keeps the actual value or exception
 * of the last snippet (JShell itself only reports a value's string and a copy of an exception's
 * trace), and stops that thread on interrupt.
 *
 * <p>Why not JShell's own {@link LocalExecutionControl#invoke}: on JDK 17 it runs every
 * statement on a new thread in a new thread group and then joins every thread of that group
 * that is alive just after the statement starts. A statement that starts a long-lived thread
 * (an executor, the runtime's I/O threads) can so block its cell for good, a
 * {@code ThreadLocal} set in one statement is gone in the next, and its {@code stop()} stops
 * every thread of the group, not only the cell's. It also replaces the JVM's default
 * uncaught-exception handler on each call. One cell thread has none of these problems.
 */
public final class JmpExecutionControl extends LocalExecutionControl {

    private final ExecutorService cellThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jmp-cell");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final Object stopLock = new Object();
    /**
     * The most characters of a value's text JShell gets. The kernel shows the real object
     * ({@link #lastValue()}); JShell's own rendering of it (every element of an array, the
     * whole {@code toString} of a collection) would cost as much as the value is big, after
     * every declaration and expression, so it gets a summary bounded by the text shown.
     */
    static final int SHOWN = 1000;

    /** The thread running user code right now, or null between snippets. */
    private Thread running;
    private volatile Object lastValue;
    private volatile Throwable lastThrowable;

    JmpExecutionControl(LoaderDelegate loaderDelegate) {
        super(loaderDelegate);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastValue = null;
        lastThrowable = null;
        if (stopRequested.get()) {
            // The interrupt came while the snippet was compiling: stop it before it starts.
            throw new ExecutionControl.StoppedException();
        }
        Future<Object> outcome = cellThread.submit(() -> runUserCode(doitMethod));
        try {
            Object value = outcome.get();
            lastValue = value;
            return ValueSummary.quoted(value, SHOWN);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvocationTargetException ite) {
                Throwable user = ite.getCause();
                if (user instanceof ThreadDeath && stopRequested.get()) {
                    throw new ExecutionControl.StoppedException();
                }
                lastThrowable = user;
                throw ite;
            }
            if (cause instanceof ThreadDeath && stopRequested.get()) {
                throw new ExecutionControl.StoppedException();
            }
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw new ExecutionControl.InternalException(String.valueOf(cause));
        }
    }

    private Object runUserCode(Method doitMethod) throws Exception {
        synchronized (stopLock) {
            running = Thread.currentThread();
        }
        try {
            return doitMethod.invoke(null);
        } finally {
            clearRunning();
        }
    }

    /**
     * Marks the cell thread idle. A stop aimed at the snippet can still land here, while the
     * thread waits for the lock {@link #stop()} holds; it is swallowed and the clearing retried,
     * so a later stop never hits the idle thread (the evaluator still sees the stop request).
     */
    private void clearRunning() {
        while (true) {
            try {
                synchronized (stopLock) {
                    running = null;
                }
                return;
            } catch (ThreadDeath late) {
                // retry: see above
            }
        }
    }

    /**
     * Stops the snippet running now, if any: {@code Thread.stop} is the only way to end
     * {@code while (true) {}}, and it is aimed at the cell thread alone, so threads the notebook
     * started keep running.
     */
    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        stopRequested.set(true);
        synchronized (stopLock) {
            if (running != null) {
                running.stop();
            }
        }
    }

    /** A variable's value for inspection (shift-tab), summarized like an evaluation's: see {@link #SHOWN}. */
    @Override
    public String varValue(String className, String varName) throws ExecutionControl.InternalException {
        Object value;
        try {
            Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            value = field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExecutionControl.InternalException(e.toString());
        }
        return ValueSummary.quoted(value, SHOWN);
    }

    @Override
    public void close() {
        cellThread.shutdownNow();
        super.close();
    }

    /** Forgets an earlier stop request (called before each cell). */
    void clearStop() {
        stopRequested.set(false);
    }

    /**
     * Whether {@link #stop()} was called since the last {@link #clearStop()}: JShell reports a
     * stopped snippet as if it had succeeded, so the evaluator asks here.
     *
     * @return true after a stop
     */
    boolean stopRequested() {
        return stopRequested.get();
    }

    Object lastValue() {
        return lastValue;
    }

    Throwable lastThrowable() {
        return lastThrowable;
    }
}
