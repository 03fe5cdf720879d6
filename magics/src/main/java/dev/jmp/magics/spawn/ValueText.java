package dev.jmp.magics.spawn;

import java.util.Arrays;

/** Short, one-line renderings of returned values for summary tables. */
final class ValueText {

    static final int MAX = 80;

    private ValueText() {
    }

    /**
     * Renders a value: strings quoted, arrays by element, everything on one line, at most
     * {@value #MAX} characters.
     */
    static String of(Object value) {
        String text;
        if (value == null) {
            text = "null";
        } else if (value instanceof String s) {
            text = "\"" + s + "\"";
        } else if (value instanceof Object[] a) {
            text = Arrays.deepToString(a);
        } else if (value.getClass().isArray()) {
            text = Arrays.deepToString(new Object[] {value});
            text = text.substring(1, text.length() - 1);
        } else {
            try {
                text = String.valueOf(value);
            } catch (RuntimeException e) {
                text = value.getClass().getSimpleName() + " (toString failed: " + e + ")";
            }
        }
        text = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", " ");
        return text.length() <= MAX ? text : text.substring(0, MAX - 1) + "…";
    }
}
