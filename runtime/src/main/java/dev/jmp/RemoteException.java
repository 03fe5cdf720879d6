package dev.jmp;

import dev.jmp.serial.Errors;
import dev.jmp.wire.message.ErrorInfo;

/**
 * An exception thrown in another process. Its stack trace is the remote one, its cause is the
 * remote cause (as another {@code RemoteException}), and it prints like the original:
 * {@code java.lang.IllegalStateException: boom} followed by the remote frames.
 */
public class RemoteException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String remoteClassName;
    private final String remoteMessage;

    /** Rebuilds a remote exception (with its causes and suppressed exceptions) from data. */
    public RemoteException(ErrorInfo info) {
        super(info.className() + (info.message() == null ? "" : ": " + info.message()),
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
}
