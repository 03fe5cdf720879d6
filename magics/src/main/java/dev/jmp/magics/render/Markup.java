package dev.jmp.magics.render;

/**
 * Escaping of text put into HTML or XML (the tables' HTML, the progress bar, the timeline's
 * SVG): one rule for both, since XML's is the stricter and HTML accepts everything it writes.
 */
public final class Markup {

    private Markup() {
    }

    /**
     * Escapes text for character data and attribute values, dropping characters XML 1.0 cannot
     * hold (control characters other than tab and line breaks, lone surrogates), which a
     * worker's output may contain and which would make an SVG unparseable.
     *
     * @param text any text
     * @return the text with {@code & < > " '} escaped
     */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        b.append(c).append(text.charAt(++i));
                    } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800)
                            || (c > 0xDFFF && c < 0xFFFE)) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
