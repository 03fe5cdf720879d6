package dev.jmp;

import dev.jmp.classes.scan.NotebookNames;
import dev.jmp.serial.Errors;
import dev.jmp.wire.message.ErrorInfo;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An exception thrown in another process. Its stack trace is the remote one, its cause is the
 * remote cause (as another {@code RemoteException}), and it prints like the original:
 * {@code java.lang.IllegalStateException: boom} followed by the remote frames. Classes a notebook
 * defined are named as the notebook knows them ({@code Oops}, not JShell's wrapper name), and
 * where a notebook kernel set a trace formatter ({@link Jmp#setTraceFormatter}),
 * {@link #printStackTrace()} prints the frames as that kernel shows errors (cell lines).
 */
public final class RemoteException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String remoteClassName;
    private final String remoteMessage;
    private static volatile Function<Throwable, List<String>> traceFormatter;

    /** Rebuilds a remote exception (with its causes and suppressed exceptions) from data. */
    public RemoteException(ErrorInfo info) {
        super(NotebookNames.displayClassName(info.className()) + (info.message() == null ? "" : ": " + info.message()),
                info.cause() == null ? null : new RemoteException(info.cause()));
        this.remoteClassName = info.className();
        this.remoteMessage = info.message();
        setStackTrace(Errors.stackOf(info));
        if (info.suppressed() != null) {
            for (ErrorInfo s : info.suppressed()) {
                addSuppressed(new RemoteException(s));
            }
        }
    }

    /** The class name of the exception in the remote process, such as {@code java.io.IOException}. */
    public String remoteClassName() {
        return remoteClassName;
    }

    /** The remote exception's message, or {@code null}. */
    public String remoteMessage() {
        return remoteMessage;
    }

    /** Tells whether the remote exception was of this class (by name; the class need not be loadable). */
    public boolean is(Class<? extends Throwable> type) {
        return type.getName().equals(remoteClassName);
    }

    @Override
    public String toString() {
        return getMessage();
    }

    static void setTraceFormatter(Function<Throwable, List<String>> formatter) {
        traceFormatter = formatter;
    }

    @Override
    public void printStackTrace(PrintStream s) {
        if (!printFormatted(s, s::println)) {
            super.printStackTrace(s);
        }
    }

    @Override
    public void printStackTrace(PrintWriter s) {
        if (!printFormatted(s, s::println)) {
            super.printStackTrace(s);
        }
    }

    /** Prints the trace through the formatter, if one is set; returns whether it did. */
    private boolean printFormatted(Object stream, Consumer<String> println) {
        List<String> lines = formatted();
        if (lines == null) {
            return false;
        }
        synchronized (stream) {
            lines.forEach(println);
        }
        return true;
    }

    private List<String> formatted() {
        Function<Throwable, List<String>> f = traceFormatter;
        if (f == null) {
            return null;
        }
        try {
            return f.apply(this);
        } catch (RuntimeException e) {
            return null; // the plain trace beats none
        }
    }
}
