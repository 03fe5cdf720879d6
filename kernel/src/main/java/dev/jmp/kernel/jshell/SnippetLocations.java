package dev.jmp.kernel.jshell;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each JShell snippet came from: which cell (by execution count) and at which line of
 * it, so stack frames like {@code REPL.$JShell$12.f(#7:2)} can be shown as cell lines.
 */
public final class SnippetLocations {

    /**
     * A snippet's origin.
     *
     * @param cell      the execution count of the cell
     * @param firstLine the 1-based line of the cell where the snippet starts
     */
    public record Origin(int cell, int firstLine) {
    }

    private final Map<String, Origin> origins = new ConcurrentHashMap<>();

    /** Creates an empty table. */
    public SnippetLocations() {
    }

    void put(String snippetId, int cell, int firstLine) {
        origins.put(snippetId, new Origin(cell, firstLine));
    }

    /**
     * Finds a snippet's origin.
     *
     * @param snippetId JShell's snippet id (the {@code 7} of {@code #7})
     * @return the origin, if the snippet came from a cell
     */
    public Optional<Origin> origin(String snippetId) {
        return Optional.ofNullable(origins.get(snippetId));
    }

    /**
     * Translates a line of a snippet into a cell position.
     *
     * @param snippetId   JShell's snippet id
     * @param snippetLine the 1-based line inside the snippet, as a stack frame reports it
     * @return for example {@code cell [3], line 4}, if known
     */
    public Optional<String> describe(String snippetId, int snippetLine) {
        return origin(snippetId).map(o -> "cell [" + o.cell() + "], line " + (o.firstLine() + Math.max(snippetLine, 1) - 1));
    }
}
