package dev.jmp.jjava;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A magic's argument text as the user typed it, which jmp's magics parse themselves
 * ({@code --over List.of("a b", "c")} keeps its quotes). JJava hands a magic its arguments split
 * and unquoted; the text is found again in the cell's source, and checked against the split
 * words. Where it is not found (a magic called from Java code, {@code %load}), the words are
 * quoted again so that each stays one word.
 */
final class RawArgs {

    private RawArgs() {
    }

    /**
     * The argument text of a cell magic.
     *
     * @param cellSource the running cell's source, or {@code null} when unknown
     * @param name       the magic's name
     * @param split      the words JJava gave
     * @return the text after {@code %%name} on the first line, trimmed
     */
    static String cell(String cellSource, String name, List<String> split) {
        if (cellSource != null && cellSource.startsWith("%%" + name)) {
            String first = cellSource.lines().findFirst().orElse("");
            String raw = first.substring(2 + name.length());
            if (raw.isEmpty() || Character.isWhitespace(raw.charAt(0))) {
                if (sameWords(raw, split)) {
                    return raw.trim();
                }
            }
        }
        return requote(split);
    }

    /**
     * The argument text of a line magic.
     *
     * @param cellSource the running cell's source, or {@code null} when unknown
     * @param name       the magic's name
     * @param split      the words JJava gave
     * @return the text after {@code %name} on its line, trimmed
     */
    static String line(String cellSource, String name, List<String> split) {
        if (cellSource != null) {
            Matcher m = Pattern.compile("(?m)(?:^|=)\\s*%" + Pattern.quote(name) + "(?=\\s|$)(.*)$").matcher(cellSource);
            while (m.find()) {
                if (sameWords(m.group(1), split)) {
                    return m.group(1).trim();
                }
            }
        }
        return requote(split);
    }

    /**
     * Whether JJava's words came from this text: the same characters once quotes, backslashes
     * and whitespace (what JJava's splitter consumes) are left out.
     */
    static boolean sameWords(String raw, List<String> split) {
        return strip(raw).equals(strip(String.join("", split)));
    }

    private static String strip(String s) {
        return s.replaceAll("[\"\\\\\\s]", "");
    }

    /**
     * Joins words into text that jmp's parser splits into the same words: a word holding
     * whitespace or quotes is put in double quotes, its own double quotes escaped. An empty word
     * cannot be written and is left out; backslashes are the parser's escapes and do not survive
     * (the cell's own text, when found, keeps them).
     */
    static String requote(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            if (w.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'')) {
                out.append('"').append(w.replace("\"", "\\\"")).append('"');
            } else {
                out.append(w);
            }
        }
        return out.toString();
    }
}
