package dev.jmp.magics;

import java.util.List;

/**
 * A magic cell failed with a full traceback to show (a compile error with cell lines, a
 * worker's stack trace mapped to cell lines, a timeout with per-worker details). The kernel
 * reports it as the cell's error: {@code ename} {@link #errorName()}, {@code evalue} the
 * message, and the traceback lines as given.
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
     * The lines to show.
     *
     * @return the traceback
     */
    public List<String> traceback() {
        return traceback;
    }
}
