package dev.jmp.magics.shared;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The declarations of a {@code %%shared} cell: Java declarations whose initializers call a
 * factory ({@code SharedCounter count = counter(100);}). Each factory call becomes a call on the
 * notebook's {@link dev.jmp.shared.Manager} ({@code $jmpManager.counter(100)}), in place, so the cell's
 * lines keep their numbers; the declared names are collected for the live table.
 *
 * @param source the rewritten cell body
 * @param names  the variables initialized from a factory, in order
 */
record SharedDeclarations(String source, List<String> names) {

    /**
     * The factories: every public {@code Manager} method that creates a shared object, by name
     * (a unit test checks this list against {@code Manager} itself).
     */
    static final List<String> FACTORIES = List.of("map", "dict", "list", "namespace", "value", "counter", "lock",
            "rlock", "semaphore", "boundedSemaphore", "event", "condition", "barrier", "queue", "intArray", "longArray",
            "doubleArray");

    /** The notebook variable holding the manager. */
    static final String MANAGER = "$jmpManager";

    private static final Pattern INIT = Pattern.compile(
            "(?<![\\w$.])([A-Za-z_$][\\w$]*)\\s*=\\s*(" + String.join("|", FACTORIES) + ")\\s*\\(");

    /**
     * Reads a cell body.
     *
     * @param body the cell body
     * @return the rewritten source and the names; no names when no initializer calls a factory
     */
    static SharedDeclarations parse(String body) {
        Matcher m = INIT.matcher(body);
        StringBuilder out = new StringBuilder();
        Set<String> names = new LinkedHashSet<>();
        int last = 0;
        while (m.find()) {
            if (insideLiteralOrComment(body, m.start())) {
                continue;
            }
            out.append(body, last, m.start(2)).append(MANAGER).append('.').append(m.group(2));
            last = m.end(2);
            names.add(m.group(1));
        }
        out.append(body.substring(last));
        return new SharedDeclarations(out.toString(), new ArrayList<>(names));
    }

    /** Whether an offset sits in a string or character literal or a comment (scanning from the start). */
    private static boolean insideLiteralOrComment(String text, int offset) {
        char quote = 0;
        boolean lineComment = false;
        boolean blockComment = false;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (lineComment) {
                lineComment = c != '\n';
            } else if (blockComment) {
                if (c == '*' && next == '/') {
                    blockComment = false;
                    i++;
                }
            } else if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && next == '/') {
                lineComment = true;
                i++;
            } else if (c == '/' && next == '*') {
                blockComment = true;
                i++;
            }
        }
        return quote != 0 || lineComment || blockComment;
    }
}
