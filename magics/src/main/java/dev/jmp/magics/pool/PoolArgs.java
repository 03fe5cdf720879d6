package dev.jmp.magics.pool;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code %%pool}'s first line into words without breaking Java: whitespace separates
 * words only outside brackets and string or character literals, so
 * {@code --over List.of("a b", "c") --as s} gives {@code --over}, {@code List.of("a b", "c")},
 * {@code --as}, {@code s}. The {@code --over} expression runs until the next option.
 */
final class PoolArgs {

    private PoolArgs() {
    }

    /**
     * Splits the text into words; quotes stay in the words.
     *
     * @param raw the text after {@code %%pool}
     * @return the words
     */
    static List<String> words(String raw) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote != 0) {
                word.append(c);
                if (c == '\\' && i + 1 < raw.length()) {
                    word.append(raw.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (Character.isWhitespace(c) && depth == 0) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
            word.append(c);
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * Removes quotes around a whole word ({@code "IntStream.range(0, 9)"} as some users write
     * it); a string literal is never a valid {@code --over} expression or option value.
     *
     * @param word a word
     * @return the word without its surrounding quotes
     */
    static String unquote(String word) {
        if (word.length() >= 2 && (word.charAt(0) == '"' || word.charAt(0) == '\'')
                && word.charAt(word.length() - 1) == word.charAt(0)
                && word.indexOf(word.charAt(0), 1) == word.length() - 1) {
            return word.substring(1, word.length() - 1);
        }
        return word;
    }
}
