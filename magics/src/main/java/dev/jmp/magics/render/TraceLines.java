package dev.jmp.magics.render;

import dev.jmp.spi.NotebookNames;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites stack-trace lines that workers print (an uncaught exception's report, a
 * {@code printStackTrace()} in user code): frames of notebook classes become cell lines, as in
 * the cell's own errors, and frames of the worker's task machinery are dropped.
 */
public final class TraceLines {

    private static final Pattern FRAME = Pattern.compile(
            "^(\\s*)at (?:[^\\s/]+//)?([\\w.$]+)\\.([\\w$<>]+)\\(([^:()]*)(?::(\\d+))?\\)\\s*$");

    /** An exception's headline naming a class the notebook defined, by its JShell wrapper name. */
    private static final Pattern HEADLINE = Pattern.compile(
            "^(\\s*(?:Caused by: |Suppressed: |Exception in thread \"[^\"]*\" )?)(REPL\\.\\$JShell\\$\\d+[A-Z]?\\$[\\w$]+)(.*)$",
            Pattern.DOTALL);

    /** The frame a worker puts for a trimmed recursion, as {@code Throwable} prints it. */
    private static final Pattern OMITTED = Pattern.compile("^(\\s*)at \\.\\.\\.\\.\\((\\d+ more frames of the same recursion)\\)\\s*$");

    private final Function<Throwable, List<String>> formatter;

    /**
     * Creates a rewriter.
     *
     * @param formatter formats an exception the way cells show errors (the kernel's)
     */
    public TraceLines(Function<Throwable, List<String>> formatter) {
        this.formatter = formatter;
    }

    /**
     * Rewrites one line.
     *
     * @param line a line a worker printed
     * @return the line, a rewritten frame, or null to drop it
     */
    public String rewrite(String line) {
        if (line.contains("REPL.$JShell$")) {
            Matcher h = HEADLINE.matcher(line);
            if (h.matches()) {
                return h.group(1) + NotebookNames.displayClassName(h.group(2)) + NotebookNames.displayText(h.group(3));
            }
            if (line.indexOf("at ") < 0 || !FRAME.matcher(line).matches()) {
                // a message naming notebook code ("REPL.$JShell$80.daemonLog" is null): the notebook's names
                return NotebookNames.displayText(line);
            }
        }
        if (line.indexOf("at ") < 0) {
            return line;
        }
        Matcher m = FRAME.matcher(line);
        if (!m.matches()) {
            Matcher omitted = OMITTED.matcher(line);
            return omitted.matches() ? omitted.group(1) + "... " + omitted.group(2) : line;
        }
        String cls = m.group(2);
        if (cls.startsWith("dev.jmp.internal.worker.")) {
            return null;
        }
        if (!cls.startsWith("REPL.")) {
            return line;
        }
        int lineNumber = m.group(5) == null ? -1 : Integer.parseInt(m.group(5));
        Throwable probe = new Throwable();
        probe.setStackTrace(new StackTraceElement[] {
            new StackTraceElement(cls, m.group(3), m.group(4).isEmpty() ? null : m.group(4), lineNumber)});
        List<String> formatted = formatter.apply(probe);
        if (formatted.size() < 2) {
            return line;
        }
        return m.group(1) + formatted.get(1).strip();
    }
}
