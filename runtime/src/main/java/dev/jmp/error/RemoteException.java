package dev.jmp.error;

import dev.jmp.spi.TraceFormat;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;

/**
 * An exception thrown in another process. Its stack trace is the remote one, its cause is the
 * remote cause (as another {@code RemoteException}), and it prints like the original:
 * {@code java.lang.IllegalStateException: boom} followed by the remote frames. Classes a notebook
 * defined are named as the notebook knows them ({@code Oops}, not JShell's wrapper name), and
 * where a notebook kernel set a trace formatter ({@link TraceFormat#set}, which {@code Jmp.setTraceFormatter} calls),
 * {@link #printStackTrace()} prints the frames as that kernel shows errors (cell lines).
 */
public final class RemoteException extends JmpException {

    private static final long serialVersionUID = 1L;
    private final String remoteClassName;
    private final String remoteMessage;
    private final ErrorCode code;

    /**
     * An exception that stands for one thrown in another process.
     *
     * @param remoteClassName the class name in the remote process, such as {@code java.io.IOException}
     * @param shownClassName  the class name the message shows (a notebook class without JShell's wrapper)
     * @param remoteMessage   the remote message, or {@code null}
     * @param stack           the remote frames
     * @param cause           the remote cause, or {@code null}
     */
    public RemoteException(String remoteClassName, String shownClassName, String remoteMessage,
            StackTraceElement[] stack, RemoteException cause) {
        this(remoteClassName, shownClassName, remoteMessage, ErrorCode.OTHER, stack, cause);
    }

    /**
     * An exception that stands for one thrown in another process, with its kind.
     *
     * @param remoteClassName the class name in the remote process, such as {@code java.io.IOException}
     * @param shownClassName  the class name the message shows (a notebook class without JShell's wrapper)
     * @param remoteMessage   the remote message, or {@code null}
     * @param code            the remote failure's kind ({@code null} reads as {@link ErrorCode#OTHER})
     * @param stack           the remote frames
     * @param cause           the remote cause, or {@code null}
     */
    public RemoteException(String remoteClassName, String shownClassName, String remoteMessage, ErrorCode code,
            StackTraceElement[] stack, RemoteException cause) {
        super(shownClassName + (remoteMessage == null ? "" : ": " + remoteMessage), cause);
        this.remoteClassName = remoteClassName;
        this.remoteMessage = remoteMessage;
        this.code = code == null ? ErrorCode.OTHER : code;
        setStackTrace(stack);
    }

    /** The remote failure's kind, as the process that raised it classified it. */
    @Override
    public ErrorCode code() {
        return code;
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
        return TraceFormat.lines(this);
    }
}
