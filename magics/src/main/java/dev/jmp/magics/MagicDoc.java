package dev.jmp.magics;

import java.util.Objects;

/**
 * What {@code %lsmagic} and {@code --help} say about one magic.
 *
 * @param name    the magic's name without its {@code %} prefix
 * @param line    whether it can be used as a line magic ({@code %name args})
 * @param cell    whether it can be used as a cell magic ({@code %%name args} then a body)
 * @param summary one line: what the magic does
 * @param usage   the full help text {@code --help} prints: synopsis, options, examples
 */
public record MagicDoc(String name, boolean line, boolean cell, String summary, String usage) {

    /** Checks that the doc names the magic, says how it is used and has a summary. */
    public MagicDoc {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(usage, "usage");
        if (!line && !cell) {
            throw new IllegalArgumentException("magic " + name + " must be a line or a cell magic");
        }
        if (summary.contains("\n")) {
            throw new IllegalArgumentException("summary of magic " + name + " must be one line");
        }
    }

    /**
     * The forms a user can type, for example {@code %sh, %%sh}.
     *
     * @return the line and/or cell form of the name
     */
    public String forms() {
        if (line && cell) {
            return "%" + name + ", %%" + name;
        }
        return (line ? "%" : "%%") + name;
    }
}
