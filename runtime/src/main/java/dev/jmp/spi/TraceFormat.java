package dev.jmp.spi;

import java.util.List;
import java.util.function.Function;

/**
 * How exceptions from workers print in this process: a notebook kernel sets the formatter of its
 * cell errors here (through {@code Jmp.setTraceFormatter}), so traces of notebook code from workers
 * read in cell lines. Without one, exceptions print their plain trace.
 */
public final class TraceFormat {

    private static volatile Function<Throwable, List<String>> formatter;
    // The frame standing for frames left out: a plain trace prints it as
    // "at ....(N more frames of the same recursion)", a formatter as its own line.
    private static final String OMITTED_CLASS = "...";
    private static final String RECURSION = " more frames of the same recursion";

    private TraceFormat() {
    }

    /**
     * Sets the formatter.
     *
     * @param f the lines for an exception and its causes; {@code null} restores the plain trace
     */
    public static void set(Function<Throwable, List<String>> f) {
        formatter = f;
    }

    /**
     * Formats an exception with the formatter set, if any.
     *
     * @param t the exception to print
     * @return its lines, or {@code null} when no formatter is set or the formatter failed (the
     *         plain trace beats none)
     */
    public static List<String> lines(Throwable t) {
        Function<Throwable, List<String>> f = formatter;
        if (f == null) {
            return null;
        }
        try {
            return f.apply(t);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The frame that stands, in a trimmed trace, for {@code n} frames of a recursion left out (a
     * {@link StackOverflowError}'s thousand frames read as the recursion once and this line).
     *
     * @param n how many frames were left out
     * @return the marker frame
     */
    public static StackTraceElement recursionOmitted(int n) {
        return new StackTraceElement(OMITTED_CLASS, "", n + RECURSION, -1);
    }

    /**
     * The line a trace shows for a frame made by {@link #recursionOmitted}.
     *
     * @param frame any frame
     * @return {@code ... N more frames of the same recursion}, or {@code null} for a real frame
     */
    public static String omittedFrames(StackTraceElement frame) {
        String file = frame.getFileName();
        if (OMITTED_CLASS.equals(frame.getClassName()) && frame.getMethodName().isEmpty() && file != null
                && file.endsWith(RECURSION)) {
            return "... " + file;
        }
        return null;
    }
}
