package dev.jmp.kernel.jshell;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * JShell's local execution control (snippets run in this JVM, on JShell's execution thread,
 * stoppable with {@link #stop()}), extended to keep the actual value or exception of the last
 * snippet: JShell itself only reports a value's string and a copy of an exception's trace.
 *
 * <p>The snippet runs through {@link #capture$()}, so JShell's own threading and stop logic
 * (which differs between JDK versions) is reused unchanged.
 */
public final class JmpExecutionControl extends LocalExecutionControl {

    private static final Object INVOKE_LOCK = new Object();
    private static final Method CAPTURE;
    private static volatile Method pending;
    private static volatile JmpExecutionControl current;

    static {
        try {
            CAPTURE = JmpExecutionControl.class.getMethod("capture$");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile Object lastValue;
    private volatile Throwable lastThrowable;

    JmpExecutionControl(LoaderDelegate loaderDelegate) {
        super(loaderDelegate);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        synchronized (INVOKE_LOCK) {
            lastValue = null;
            lastThrowable = null;
            pending = doitMethod;
            current = this;
            try {
                return super.invoke(CAPTURE);
            } finally {
                pending = null;
                current = null;
            }
        }
    }

    /**
     * Runs the pending snippet and keeps its result. Public only because JShell invokes it
     * reflectively on its execution thread; not part of the API.
     *
     * @return the snippet's value
     * @throws Throwable whatever the snippet threw, unwrapped, so JShell reports it as the user's
     */
    public static Object capture$() throws Throwable {
        JmpExecutionControl control = current;
        Method method = pending;
        if (control.stopRequested.get()) {
            // The interrupt came while the snippet was compiling: stop it before it starts.
            throw new ThreadDeath();
        }
        try {
            Object value = method.invoke(null);
            control.lastValue = value;
            return value;
        } catch (InvocationTargetException e) {
            control.lastThrowable = e.getCause();
            throw e.getCause();
        }
    }

    @Override
    public void stop() throws ExecutionControl.EngineTerminationException, ExecutionControl.InternalException {
        stopRequested.set(true);
        super.stop();
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
