package dev.jmp.kernel;

import dev.jmp.kernel.notebook.NotebookMagics;

/**
 * Rewrites line magics used as expressions in Java code into calls of
 * {@link NotebookMagics#lineMagic(String, String)}, as IJava does: a {@code %name args} right
 * after an assignment's {@code =} or after {@code return} becomes
 * {@code NotebookMagics.lineMagic("name", "args")}. The arguments run to the end of the line;
 * a final {@code ;} stays Java's. Strings, character literals, text blocks and comments are
 * left alone, and so is {@code %} anywhere else (the remainder operator). The magic stays on
 * its line, so compile errors keep the cell's line numbers.
 *
 * <pre>{@code
 * List<String> added = %jars lib/*.jar;
 * // becomes
 * List<String> added = dev.jmp.kernel.notebook.NotebookMagics.lineMagic("jars", "lib/*.jar");
 * }</pre>
 */
final class MagicExpressions {

    private static final String CALL = NotebookMagics.class.getName() + ".lineMagic(";

    private MagicExpressions() {
    }

    /**
     * Rewrites the magic expressions in Java code.
     *
     * @param java the code
     * @return the code with each magic expression replaced by a call, or {@code java} itself when it has none
     */
    static String rewrite(String java) {
        if (java.indexOf('%') < 0) {
            return java;
        }
        StringBuilder out = new StringBuilder(java.length() + 64);
        int n = java.length();
        int i = 0;
        // The last significant token before the current position: '=' of an assignment, 'r' for
        // the keyword return, or anything else (0).
        char before = 0;
        boolean changed = false;
        while (i < n) {
            char c = java.charAt(i);
            int skip = skipInert(java, i);
            if (skip > i) {
                out.append(java, i, skip);
                i = skip;
                continue;
            }
            if (c == '%' && (before == '=' || before == 'r')) {
                int nameEnd = nameEnd(java, i + 1);
                if (nameEnd > i + 1) {
                    int eol = java.indexOf('\n', nameEnd);
                    int end = eol < 0 ? n : eol;
                    String rest = java.substring(nameEnd, end).strip();
                    String semicolon = "";
                    if (rest.endsWith(";")) {
                        rest = rest.substring(0, rest.length() - 1).strip();
                        semicolon = ";";
                    }
                    out.append(CALL).append(literal(java.substring(i + 1, nameEnd))).append(", ")
                            .append(literal(rest)).append(')').append(semicolon);
                    i = end;
                    before = 0;
                    changed = true;
                    continue;
                }
            }
            if (Character.isJavaIdentifierStart(c)) {
                int end = i;
                while (end < n && Character.isJavaIdentifierPart(java.charAt(end))) {
                    end++;
                }
                before = java.substring(i, end).equals("return") ? 'r' : 0;
                out.append(java, i, end);
                i = end;
                continue;
            }
            if (!Character.isWhitespace(c)) {
                before = c == '=' && isAssignment(java, i) ? '=' : 0;
            }
            out.append(c);
            i++;
        }
        return changed ? out.toString() : java;
    }

    /** Whether the {@code =} at {@code at} is an assignment ({@code =}, {@code +=}, {@code <<=} ...), not {@code ==}, {@code <=}, {@code >=}, {@code !=}. */
    private static boolean isAssignment(String java, int at) {
        if (at + 1 < java.length() && java.charAt(at + 1) == '=') {
            return false;
        }
        if (at == 0) {
            return true;
        }
        char p = java.charAt(at - 1);
        if (p == '=' || p == '!') {
            return false;
        }
        if (p == '<' || p == '>') {
            // <<= >>= >>>= assign; <= >= compare
            return at >= 2 && java.charAt(at - 2) == p;
        }
        return true;
    }

    /** The end of a comment, string, character literal or text block starting at {@code i}, or {@code i}. */
    private static int skipInert(String java, int i) {
        int n = java.length();
        if (java.startsWith("//", i)) {
            int eol = java.indexOf('\n', i);
            return eol < 0 ? n : eol;
        }
        if (java.startsWith("/*", i)) {
            int end = java.indexOf("*/", i + 2);
            return end < 0 ? n : end + 2;
        }
        if (java.startsWith("\"\"\"", i)) {
            int j = i + 3;
            while (j < n) {
                if (java.charAt(j) == '\\') {
                    j += 2;
                } else if (java.startsWith("\"\"\"", j)) {
                    return j + 3;
                } else {
                    j++;
                }
            }
            return n;
        }
        char c = java.charAt(i);
        if (c == '"' || c == '\'') {
            int j = i + 1;
            while (j < n && java.charAt(j) != '\n') {
                char d = java.charAt(j);
                if (d == '\\') {
                    j += 2;
                    continue;
                }
                j++;
                if (d == c) {
                    break;
                }
            }
            return Math.min(j, n);
        }
        return i;
    }

    /** The end of a magic's name ({@code [A-Za-z_][\w.-]*}, as {@link CellSplitter} reads names) starting at {@code from}. */
    private static int nameEnd(String java, int from) {
        int j = from;
        if (j < java.length() && (Character.isLetter(java.charAt(j)) || java.charAt(j) == '_')) {
            j++;
            while (j < java.length()) {
                char d = java.charAt(j);
                if (!(Character.isLetterOrDigit(d) || d == '_' || d == '.' || d == '-')) {
                    break;
                }
                j++;
            }
        }
        return j;
    }

    /** A Java string literal of {@code text}. */
    static String literal(String text) {
        StringBuilder s = new StringBuilder(text.length() + 2).append('"');
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\t' -> s.append("\\t");
                case '\r' -> s.append("\\r");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
