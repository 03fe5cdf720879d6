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
}
