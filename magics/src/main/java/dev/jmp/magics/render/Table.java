package dev.jmp.magics.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small table rendered twice: as HTML for notebooks and as aligned plain text for consoles,
 * nbconvert's text outputs and diffs.
 */
public final class Table {

    private final String title;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * Creates a table.
     *
     * @param title   a line above the table (plain text), or empty
     * @param columns the column headers
     */
    public Table(String title, List<String> columns) {
        this.title = title;
        this.columns = List.copyOf(columns);
    }

    /**
     * Adds a row.
     *
     * @param cells one value per column, plain text
     * @return this
     */
    public Table row(List<String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("a row needs " + columns.size() + " cells, got " + cells.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    /**
     * The number of rows.
     *
     * @return rows added so far
     */
    public int size() {
        return rows.size();
    }

    /**
     * The table as aligned text.
     *
     * @return the text, ending with a newline
     */
    public String text() {
        int[] width = new int[columns.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = columns.get(c).length();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        if (!title.isEmpty()) {
            out.append(title).append('\n');
        }
        appendText(out, columns, width);
        for (List<String> r : rows) {
            appendText(out, r, width);
        }
        return out.toString();
    }

    private static void appendText(StringBuilder out, List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append("  ");
            }
            line.append(cells.get(c)).append(" ".repeat(width[c] - cells.get(c).length()));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /**
     * The table as HTML.
     *
     * @return a {@code <table>} with the title as its caption
     */
    public String html() {
        StringBuilder out = new StringBuilder("<table class=\"jmp-table\">");
        if (!title.isEmpty()) {
            out.append("<caption style=\"text-align:left\">").append(Markup.escape(title)).append("</caption>");
        }
        out.append("<thead><tr>");
        for (String c : columns) {
            out.append("<th style=\"text-align:left\">").append(Markup.escape(c)).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (List<String> r : rows) {
            out.append("<tr>");
            for (String cell : r) {
                out.append("<td style=\"text-align:left\">").append(Markup.escape(cell)).append("</td>");
            }
            out.append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    /**
     * The MIME bundle of the table: HTML plus its text form.
     *
     * @return {@code text/html} and {@code text/plain}
     */
    public Map<String, String> bundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html());
        bundle.put("text/plain", text());
        return bundle;
    }
}
