package dev.jmp.internal.serial;

import dev.jmp.error.ErrorCode;
import dev.jmp.error.RemoteException;
import dev.jmp.internal.wire.WireCodec;
import dev.jmp.internal.wire.message.ErrorInfo;
import dev.jmp.internal.wire.message.StackFrameInfo;
import dev.jmp.spi.NotebookNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Exceptions as data, so a failure crosses processes even when its class does not exist on the
 * other side: class name, message, every frame, causes and suppressed exceptions, and the
 * failure's {@link ErrorCode} (a long recursion trimmed by {@link RecursionTrim}). A {@link Fault} travels as the type its code stands for.
 */
public final class Errors {

    private Errors() {
    }

    /** Converts a throwable (with its causes and suppressed exceptions) to data. */
    public static ErrorInfo toInfo(Throwable t) {
        return toInfo(t, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static ErrorInfo toInfo(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return null;
        }
        List<StackFrameInfo> frames = new ArrayList<>();
        for (StackTraceElement e : RecursionTrim.trim(t.getStackTrace())) {
            frames.add(new StackFrameInfo(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber()));
        }
        List<ErrorInfo> suppressed = new ArrayList<>();
        for (Throwable s : t.getSuppressed()) {
            ErrorInfo si = toInfo(s, seen);
            if (si != null) {
                suppressed.add(si);
            }
        }
        ErrorCode code = ErrorCode.of(t);
        String className = t instanceof RemoteException r ? r.remoteClassName()
                : t instanceof Fault ? code.type().getName() : t.getClass().getName();
        String message = t instanceof RemoteException r ? r.remoteMessage() : t.getMessage();
        return new ErrorInfo(className, message, frames, toInfo(t.getCause(), seen), suppressed, code);
    }

    /**
     * Rebuilds a remote exception (with its causes and suppressed exceptions) from data, naming
     * notebook classes as the notebook knows them, in its class name and (through the host's
     * {@link NotebookNames#displayText} translation) in its message.
     *
     * @param info an error from another process
     * @return the exception to throw here
     */
    public static RemoteException toException(ErrorInfo info) {
        RemoteException e = new RemoteException(info.className(), NotebookNames.displayClassName(info.className()),
                NotebookNames.displayText(info.message()), info.kind(), stackOf(info),
                info.cause() == null ? null : toException(info.cause()));
        if (info.suppressed() != null) {
            for (ErrorInfo s : info.suppressed()) {
                e.addSuppressed(toException(s));
            }
        }
        return e;
    }

    /** Returns the stack frames of an error as {@link StackTraceElement}s. */
    public static StackTraceElement[] stackOf(ErrorInfo info) {
        List<StackFrameInfo> st = info.stack() == null ? List.of() : info.stack();
        StackTraceElement[] out = new StackTraceElement[st.size()];
        for (int i = 0; i < out.length; i++) {
            StackFrameInfo f = st.get(i);
            out[i] = new StackTraceElement(f.className(), f.method(), f.file(), f.line());
        }
        return out;
    }

    /** Encodes an error as UTF-8 JSON (an item of a {@link ValueList}). */
    public static byte[] encode(ErrorInfo info) {
        return WireCodec.gson().toJson(info).getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes an error written by {@link #encode}. */
    public static ErrorInfo decode(Slice s) {
        return WireCodec.gson().fromJson(new String(s.buf(), s.off(), s.len(), StandardCharsets.UTF_8),
                ErrorInfo.class);
    }
}
