package dev.jmp.kernel.jshell;

import dev.jmp.magics.render.ValueSummary;
import dev.jmp.spi.Daemons;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;

/**
 * Runs snippets in this JVM on one long-lived cell thread, keeps the actual value or exception
 * of the last snippet (JShell itself only reports a value's string and a copy of an exception's
 * trace), and stops that thread on interrupt.
 *
 * <p>Why not run snippets through {@link LocalExecutionControl#invoke} itself: it runs every
 * statement on a new thread in a new thread group and then joins every thread of that group
 * that is alive just after the statement starts. A statement that starts a long-lived thread
 * (an executor, the runtime's I/O threads) can so block its cell for good, and a
 * {@code ThreadLocal} set in one statement is gone in the next. One cell thread has neither
 * problem.
 *
 * <p>How it follows each JDK's local execution (its public contract, not its internals):
 * <ul>
 * <li>JDK 17 to 19: {@code LocalExecutionControl} loads classes as they come and stops a
 *     snippet with {@code Thread.stop}. Here {@link #stop()} stops the cell thread the same way.
 * <li>JDK 20 and later: {@code Thread.stop} only throws. {@code LocalExecutionControl.load}
 *     rewrites every class JShell hands over so that it checks a stop flag, held by a class it
 *     generates and loads (through the same loader delegate) from its own {@code invoke}, before
 *     the snippet runs; its {@code stop()} raises the flag and interrupts. So every snippet first
 *     goes through the release's {@code invoke} (with a method that does nothing, see
 *     {@link #releaseSetUp()}), and {@link #stop()} calls the release's {@code stop()} as well as
 *     interrupting the cell thread.
 * </ul>
 * The loader delegate records whatever the release loads, injected classes included, so
 * workers can resolve the rewritten classes' references too.
 */
public final class JmpExecutionControl extends LocalExecutionControl {

    /** What the release's invoke runs before each snippet: nothing. */
    private static final Method NOTHING = nothingMethod();

    private final ExecutorService cellThread = Executors.newSingleThreadExecutor(Daemons.factory("jmp-cell"));
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final Object stopLock = new Object();
    /**
     * The most characters of a value's text JShell gets. The kernel shows the real object
     * ({@link #lastValue()}); JShell's own rendering of it (every element of an array, the
     * whole {@code toString} of a collection) would cost as much as the value is big, after
     * every declaration and expression, so it gets a summary bounded by the text shown.
     */
    static final int SHOWN = 1000;

    /** True on the cell thread while it runs a snippet. */
    private static final ThreadLocal<Boolean> IN_SNIPPET = ThreadLocal.withInitial(() -> false);

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
        releaseSetUp();
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
            if (stopRequested.get()) {
                // Whatever ended it (ThreadDeath from Thread.stop or from the release's stop
                // check, an InterruptedException), the snippet ended because it was stopped.
                releaseSetUp(); // lowers the release's stop flag, so threads the notebook started live on
                throw new ExecutionControl.StoppedException();
            }
            if (cause instanceof InvocationTargetException ite) {
                lastThrowable = ite.getCause();
                throw ite;
            }
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw new ExecutionControl.InternalException(String.valueOf(cause));
        }
    }

    /**
     * Runs the release's own {@link LocalExecutionControl#invoke} on a method that does nothing,
     * so whatever that release prepares there for the classes its {@link #load} rewrote is in
     * place (and its stop flag lowered) before the snippet runs. JDK 17 to 21 replace the JVM's
     * default uncaught-exception handler in it; the handler is put back.
     */
    private void releaseSetUp() throws Exception {
        Thread.UncaughtExceptionHandler handler = Thread.getDefaultUncaughtExceptionHandler();
        try {
            super.invoke(NOTHING);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(handler);
        }
    }

    private Object runUserCode(Method doitMethod) throws Exception {
        synchronized (stopLock) {
            running = Thread.currentThread();
        }
        IN_SNIPPET.set(true);
        try {
            return doitMethod.invoke(null);
        } finally {
            IN_SNIPPET.set(false);
            clearRunning();
            // A stop's interrupt must not reach the next snippet; no stop aims here any more.
            Thread.interrupted();
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
     * Stops the snippet running now, if any, aimed at the cell thread alone, so threads the
     * notebook started keep running: the release's own stop (from JDK 20 it raises the flag its
     * rewritten classes check, which ends {@code while (true) {}}), an interrupt (ends sleeps and
     * waits), and {@code Thread.stop} where the JVM still has it (JDK 17 to 19, whose classes
     * check no flag).
     *
     * @throws ExecutionControl.EngineTerminationException never here (the engine is this JVM)
     */
    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() throws ExecutionControl.EngineTerminationException {
        stopRequested.set(true);
        try {
            super.stop();
        } catch (ExecutionControl.InternalException beforeItsFirstInvoke) {
            // The release had not set up yet; the stop request ends the snippet before it starts.
        }
        synchronized (stopLock) {
            if (running != null) {
                running.interrupt();
                try {
                    running.stop();
                } catch (UnsupportedOperationException | NoSuchMethodError gone) {
                    // JDK 20+ (throws) or a JDK without the method: the release's flag and the
                    // interrupt do it.
                }
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

    /**
     * Whether the calling thread is running a snippet now (notebook code, or a magic it called):
     * JShell cannot evaluate anything else until that snippet returns.
     *
     * @return true on the cell thread inside a snippet
     */
    public static boolean onCellThread() {
        return IN_SNIPPET.get();
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

    private static void nothing() {
        // see NOTHING
    }

    private static Method nothingMethod() {
        try {
            Method method = JmpExecutionControl.class.getDeclaredMethod("nothing");
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
