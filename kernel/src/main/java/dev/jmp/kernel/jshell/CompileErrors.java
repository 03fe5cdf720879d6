package dev.jmp.kernel.jshell;

import dev.jmp.magics.CellFailure;
import jdk.jshell.Diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Formats JShell's compile diagnostics with line and column relative to the cell. */
final class CompileErrors {

    private CompileErrors() {
    }

    /**
     * Builds the failure for a rejected snippet.
     *
     * @param cell          the whole cell text
     * @param snippetOffset where the snippet's source starts in the cell
     * @param diagnostics   JShell's diagnostics for the snippet
     * @return the failure to show
     */
    static CellFailure of(String cell, int snippetOffset, List<Diag> diagnostics) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag diag : diagnostics) {
            if (!diag.isError()) {
                continue;
            }
            int start = clamp(snippetOffset + (int) Math.max(0, diag.getStartPosition()), cell.length());
            int end = clamp(snippetOffset + (int) Math.max(diag.getStartPosition(), diag.getEndPosition()), cell.length());
            int line = lineOf(cell, start);
            int column = start - lineStart(cell, start) + 1;
            String message = clean(diag.getMessage(Locale.ROOT));
            String where = "line " + line + ", column " + column;
            if (first == null) {
                first = where + ": " + message.lines().findFirst().orElse("");
            }
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.add("Compilation error at " + where + ":");
            String sourceLine = cell.substring(lineStart(cell, start), lineEnd(cell, start));
            lines.add("    " + sourceLine);
            int width = Math.max(1, Math.min(end, lineEnd(cell, start)) - start);
            lines.add("    " + " ".repeat(column - 1) + "^".repeat(width));
            message.lines().forEach(lines::add);
        }
        if (first == null) {
            first = "the code does not compile";
            lines.add("Compilation error: " + first);
        }
        return new CellFailure("CompilationError", first, lines);
    }

    /** Drops JShell's empty "location: class" line, meaningless to a notebook user. */
    private static String clean(String message) {
        StringBuilder out = new StringBuilder();
        for (String l : message.split("\n")) {
            if (l.strip().equals("location: class")) {
                continue;
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(l.replaceAll("REPL\\.\\$JShell\\$\\d+[A-Z]?\\.", ""));
        }
        return out.toString();
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(value, max));
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineStart(String text, int offset) {
        int i = text.lastIndexOf('\n', Math.max(0, offset - 1));
        return offset == 0 ? 0 : (i < 0 ? 0 : i + 1);
    }

    private static int lineEnd(String text, int offset) {
        int i = text.indexOf('\n', offset);
        return i < 0 ? text.length() : i;
    }
}
