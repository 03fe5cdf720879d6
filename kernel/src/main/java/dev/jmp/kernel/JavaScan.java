package dev.jmp.kernel;

/**
 * Follows Java source line by line just far enough to tell whether a new statement may start on
 * the next line: outside strings, text blocks and comments, with every bracket closed, and after
 * a line that does not leave an expression unfinished. {@link CellSplitter} uses it so that a
 * {@code %} at the start of a continuation line stays Java's remainder operator.
 */
final class JavaScan {

    private static final String CONTINUING = "=+-*/%&|^!~<>?:.,(";

    private boolean inTextBlock;
    private boolean inBlockComment;
    private int depth;
    private char last;

    /** @return true when the next line could begin a statement (or a line magic) */
    boolean statementMayStart() {
        return !inTextBlock && !inBlockComment && depth <= 0 && CONTINUING.indexOf(last) < 0;
    }

    /**
     * Takes in one line of source.
     *
     * @param line the line, without its line break
     */
    void line(String line) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (inTextBlock) {
                if (line.startsWith("\\\"", i)) {
                    i += 2;
                    continue;
                }
                if (line.startsWith("\"\"\"", i)) {
                    inTextBlock = false;
                    last = '"';
                    i += 3;
                    continue;
                }
                i++;
            } else if (inBlockComment) {
                if (line.startsWith("*/", i)) {
                    inBlockComment = false;
                    i += 2;
                    continue;
                }
                i++;
            } else if (line.startsWith("//", i)) {
                return;
            } else if (line.startsWith("/*", i)) {
                inBlockComment = true;
                i += 2;
            } else if (line.startsWith("\"\"\"", i)) {
                inTextBlock = true;
                i += 3;
            } else if (c == '"' || c == '\'') {
                i = skipQuoted(line, i, c);
                last = c;
            } else {
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                }
                if (!Character.isWhitespace(c)) {
                    last = c;
                }
                i++;
            }
        }
    }

    private static int skipQuoted(String line, int from, char quote) {
        int i = from + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            i++;
            if (c == quote) {
                break;
            }
        }
        return i;
    }
}
