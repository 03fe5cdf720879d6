package dev.jmp.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a cell into Java code and line magics, in order. A line magic is a line starting
 * with {@code %name} where a new statement may start: not inside a text block, string, comment
 * or open bracket, and not after a line that leaves an expression unfinished (so
 * {@code total\n    %limit;} stays Java's remainder operator). Each Java part keeps the cell's
 * line numbers: the other lines are blanked, so compile errors point at the right cell line.
 */
final class CellSplitter {

    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%([A-Za-z_][\\w.-]*)(?:\\s+(.*))?\\s*$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^%%([A-Za-z_][\\w.-]*)(?:[ \\t]+(.*))?$");

    /** One part of a cell. */
    record Part(boolean magic, String name, String text) {
    }

    /** A cell magic call: name, argument text and body. */
    record CellMagic(String name, String args, String body) {
    }

    private CellSplitter() {
    }

    /**
     * Recognizes a cell magic ({@code %%name args} on the first non-blank line).
     *
     * @param code the cell
     * @return the call, or null when the cell is not a cell magic
     */
    static CellMagic cellMagic(String code) {
        String stripped = code.stripLeading();
        if (!stripped.startsWith("%%")) {
            return null;
        }
        int eol = stripped.indexOf('\n');
        String first = (eol < 0 ? stripped : stripped.substring(0, eol)).stripTrailing();
        Matcher m = CELL_MAGIC.matcher(first);
        if (!m.matches()) {
            return new CellMagic(first.substring(2).split("\\s+", 2)[0], "", eol < 0 ? "" : stripped.substring(eol + 1));
        }
        return new CellMagic(m.group(1), m.group(2) == null ? "" : m.group(2), eol < 0 ? "" : stripped.substring(eol + 1));
    }

    /**
     * Splits a cell that is not a cell magic.
     *
     * @param code the cell
     * @return the parts, in order; Java parts are the whole cell with other lines blanked
     */
    static List<Part> split(String code) {
        String[] lines = code.split("\n", -1);
        List<Part> parts = new ArrayList<>();
        JavaScan scan = new JavaScan();
        int javaStart = -1;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = scan.statementMayStart() ? LINE_MAGIC.matcher(lines[i]) : null;
            if (m != null && m.matches()) {
                if (javaStart >= 0) {
                    parts.add(java(lines, javaStart, i));
                    javaStart = -1;
                }
                parts.add(new Part(true, m.group(1), m.group(2) == null ? "" : m.group(2).strip()));
                continue;
            }
            if (javaStart < 0 && !lines[i].isBlank()) {
                javaStart = i;
            }
            scan.line(lines[i]);
        }
        if (javaStart >= 0) {
            parts.add(java(lines, javaStart, lines.length));
        }
        return parts;
    }

    /**
     * The cell's Java code with magic lines blanked (for completion and completeness checks).
     *
     * @param code the cell
     * @return the Java text, same line numbers
     */
    static String javaOnly(String code) {
        String[] lines = code.split("\n", -1);
        StringBuilder out = new StringBuilder();
        JavaScan scan = new JavaScan();
        for (int i = 0; i < lines.length; i++) {
            boolean magic = scan.statementMayStart() && LINE_MAGIC.matcher(lines[i]).matches();
            if (!magic) {
                scan.line(lines[i]);
            }
            out.append(magic ? "" : lines[i]);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static Part java(String[] lines, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < to; i++) {
            if (i >= from) {
                text.append(lines[i]);
            }
            if (i < to - 1) {
                text.append('\n');
            }
        }
        return new Part(false, null, text.toString());
    }

}
