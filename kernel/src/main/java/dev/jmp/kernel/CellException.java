package dev.jmp.kernel;

import java.util.List;

/**
 * A cell failed: what the user sees in Jupyter's error output (name, value, traceback lines),
 * already cleaned of the kernel's internals.
 */
public class CellException extends Exception {

    private final String errorName;
    private final List<String> traceback;

    /**
     * Creates the failure.
     *
     * @param errorName  the error's name, for example {@code java.lang.ArithmeticException}
     * @param message    the error's one-line value
     * @param traceback  the lines to show, without newlines inside
     */
    public CellException(String errorName, String message, List<String> traceback) {
        super(message);
        this.errorName = errorName;
        this.traceback = List.copyOf(traceback);
    }

    /**
     * The error's name (Jupyter's {@code ename}).
     *
     * @return the name
     */
    public String errorName() {
        return errorName;
    }

    /**
     * The error's value (Jupyter's {@code evalue}).
     *
     * @return the message, never null
     */
    public String errorValue() {
        return getMessage() == null ? "" : getMessage();
    }

    /**
     * The traceback lines (Jupyter's {@code traceback}).
     *
     * @return the lines
     */
    public List<String> traceback() {
        return traceback;
    }

    /**
     * A failure described by a message only (bad magic use, interrupt ...).
     *
     * @param errorName the error's name
     * @param message   the message, shown as the traceback too
     * @return the exception
     */
    public static CellException ofMessage(String errorName, String message) {
        return new CellException(errorName, message, List.of(errorName + ": " + message));
    }
}
