package dev.jmp.magics;

import java.util.List;
import java.util.Map;

/** Lays out {@code --help} text: lines wrapped at a fixed width, option rows in two columns. */
final class UsageText {

    /** Help text stays this narrow, so it reads in a console and a notebook without scrolling. */
    static final int WIDTH = 88;

    private UsageText() {
    }

    /**
     * Appends words after a lead, wrapping before {@link #WIDTH} with continuation lines indented
     * as deep as the lead.
     */
    static void wrap(StringBuilder out, String lead, List<String> words) {
        String indent = " ".repeat(lead.length());
        StringBuilder line = new StringBuilder(lead);
        boolean empty = true;
        for (String word : words) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                out.append(line.toString().stripTrailing()).append('\n');
                line.setLength(0);
                line.append(indent);
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** Appends rows of label and text, the texts aligned two spaces after the longest label. */
    static void table(StringBuilder out, Map<String, String> rows) {
        int column = 2 + rows.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        rows.forEach((label, text) -> wrap(out, "  " + label + " ".repeat(column - 2 - label.length()),
                List.of(text.split(" "))));
    }
}
