package dev.jmp.magics;

import java.util.List;

/**
 * A cell failed: what the user sees in Jupyter's error output, already cleaned of the kernel's
 * internals. Thrown by the kernel's JShell evaluation (a compile error with cell lines, an
 * exception, an interrupt) and by magics (a worker's stack trace mapped to cell lines, a
 * timeout with per-worker details); the kernel reports it as the cell's error: {@code ename}
 * {@link #errorName()}, {@code evalue} {@link #errorValue()}, and the traceback lines as given.
 */
public class CellFailure extends MagicException {

    private static final long serialVersionUID = 1L;

    /** @serial the error's name */
    private final String errorName;
    /** @serial the lines to show */
    private final List<String> traceback;

    /**
     * Creates the failure.
     *
     * @param errorName Jupyter's {@code ename}, for example {@code java.lang.IllegalStateException}
     * @param message   Jupyter's {@code evalue}: one line saying what failed
     * @param traceback the lines to show, without newlines inside
     */
    public CellFailure(String errorName, String message, List<String> traceback) {
        super(message);
        this.errorName = errorName;
        this.traceback = List.copyOf(traceback);
    }

    /**
     * The error's name.
     *
     * @return Jupyter's {@code ename}
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
     * The lines to show.
     *
     * @return the traceback
     */
    public List<String> traceback() {
        return traceback;
    }

    /**
     * A failure described by a message only (bad magic use, an unresolved reference ...).
     *
     * @param errorName the error's name
     * @param message   the message, shown as the traceback too
     * @return the failure
     */
    public static CellFailure ofMessage(String errorName, String message) {
        return new CellFailure(errorName, message, List.of(errorName + ": " + message));
    }
}
