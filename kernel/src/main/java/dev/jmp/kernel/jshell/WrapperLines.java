package dev.jmp.kernel.jshell;

import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps lines of JShell's generated wrapper classes back to cell lines, for stack frames that
 * JShell did not translate itself: frames of notebook code running in a worker JVM (which
 * loaded the recorded wrapper classes) or in any thread of the kernel outside a snippet's
 * evaluation.
 *
 * <p>A wrapper class such as {@code REPL.$JShell$12} is compiled from a wrapped source whose
 * line numbers end up in the class file. When a snippet is compiled, its wrapped source is
 * turned into a table from wrapped line to snippet line, kept by class name; the table is
 * read from any thread without touching JShell, which is single-threaded.
 */
public final class WrapperLines {

    /** A wrapper's snippet and its line table (index: wrapped line - 1; value: snippet line or 0). */
    private record Table(String snippetId, int[] snippetLines) {
    }

    private final Map<String, Table> byClass = new ConcurrentHashMap<>();
    private final SnippetLocations locations;

    /**
     * Creates an empty map.
     *
     * @param locations where snippets came from (cell and first line)
     */
    public WrapperLines(SnippetLocations locations) {
        this.locations = locations;
    }

    /**
     * Records the wrapper a snippet was just compiled into (call on JShell's thread).
     *
     * @param snippet  the snippet
     * @param analysis JShell's source analysis
     */
    void record(Snippet snippet, SourceCodeAnalysis analysis) {
        SourceCodeAnalysis.SnippetWrapper wrapper;
        try {
            wrapper = analysis.wrapper(snippet);
        } catch (RuntimeException e) {
            return; // no wrapper (an import, say): nothing runs from it
        }
        String wrapped = wrapper.wrapped();
        String source = wrapper.source();
        String[] lines = wrapped.split("\n", -1);
        int[] table = new int[lines.length];
        // Snippet lines count from the snippet's first non-blank character, as SnippetLocations does.
        int base = 0;
        while (base < source.length() && Character.isWhitespace(source.charAt(base))) {
            base++;
        }
        int baseLine = lineOf(source, base);
        int offset = 0;
        for (int i = 0; i < lines.length; i++) {
            int first = offset;
            while (first < offset + lines[i].length() && Character.isWhitespace(wrapped.charAt(first))) {
                first++;
            }
            int at = first < offset + lines[i].length() ? wrapper.wrappedToSourcePosition(first) : -1;
            table[i] = at >= base && at <= source.length() ? lineOf(source, at) - baseLine + 1 : 0;
            offset += lines[i].length() + 1;
        }
        byClass.put(wrapper.fullClassName(), new Table(snippet.id(), table));
    }

    /**
     * Describes where a frame of a wrapper class is in the notebook.
     *
     * @param className   the frame's class, a wrapper or a class nested in one
     *                    ({@code REPL.$JShell$12$Point})
     * @param wrappedLine the frame's line number
     * @return for example {@code cell [3], line 4}, when known
     */
    public Optional<String> describe(String className, int wrappedLine) {
        Table table = byClass.get(outerClass(className));
        if (table == null || wrappedLine < 1 || wrappedLine > table.snippetLines.length) {
            return Optional.empty();
        }
        int snippetLine = table.snippetLines[wrappedLine - 1];
        if (snippetLine == 0) {
            return Optional.empty();
        }
        return locations.describe(table.snippetId, snippetLine);
    }

    /**
     * The cell a wrapper class (or a class nested in one) came from.
     *
     * @param className a wrapper class or a class nested in one
     * @return the cell's execution count, when known
     */
    public Optional<Integer> cellOf(String className) {
        Table table = byClass.get(outerClass(className));
        return table == null ? Optional.empty() : locations.origin(table.snippetId).map(SnippetLocations.Origin::cell);
    }

    private static String outerClass(String className) {
        int dollar = className.indexOf('$', "REPL.$JShell$".length());
        return dollar < 0 ? className : className.substring(0, dollar);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
