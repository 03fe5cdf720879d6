package dev.jmp.kernel.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names notebook code in any text (an exception's message, a trace line) as the notebook does:
 * JShell compiles each snippet into a wrapper class {@code REPL.$JShell$12}, so messages the JVM
 * writes say {@code REPL.$JShell$52$PageX}, {@code "REPL.$JShell$80.daemonLog" is null} or
 * {@code REPL.$JShell$466$$Lambda$831/0x...}; users wrote {@code PageX}, {@code daemonLog} and
 * a lambda in a cell. This is the one translation every user-visible text goes through: the
 * kernel's cell errors directly, the magics' reports through {@code dev.jmp.spi.NotebookNames}.
 */
public final class NotebookText {

    private static final Pattern NAME = Pattern.compile(
            "(REPL[./]\\$JShell\\$\\d+[A-Z]?)"
            + "(?:((?:\\$\\w+)*?)\\$\\$Lambda(?:\\$\\d+)?(?:/0x[0-9a-fA-F]+)?(?:@[0-9a-fA-F]+)?" // a lambda's class
            + "|\\.([\\w$]+)" // a member of the wrapper: a variable or method
            + "|\\$([\\w$]+))?"); // a class the notebook declared

    private final WrapperLines wrappers;
    /** Per class, the wrapped lines where its lambdas start (from {@link LambdaSerializer}). */
    private final Map<String, List<Integer>> lambdaLines = new ConcurrentHashMap<>();

    /**
     * Creates a translation.
     *
     * @param wrappers where wrapper lines are in the notebook
     */
    public NotebookText(WrapperLines wrappers) {
        this.wrappers = wrappers;
    }

    /**
     * Records where a class's lambdas start (called as JShell loads the class).
     *
     * @param className the class's binary name
     * @param lines     the first line of each lambda body, as compiled
     */
    void recordLambdas(String className, List<Integer> lines) {
        if (lines.isEmpty()) {
            lambdaLines.remove(className);
        } else {
            lambdaLines.put(className, List.copyOf(lines));
        }
    }

    /**
     * Translates every JShell name in a text.
     *
     * @param text any text, or null
     * @return the text naming notebook classes, variables and lambdas as the notebook does
     */
    public String translate(String text) {
        if (text == null || !text.contains("$JShell$")) {
            return text;
        }
        Matcher m = NAME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(name(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String name(Matcher m) {
        String wrapper = m.group(1).replace('/', '.');
        if (m.group(3) != null) {
            return m.group(3);
        }
        if (m.group(4) != null) {
            return m.group(4).replace('$', '.');
        }
        if (m.group(2) != null) {
            return lambda(wrapper + m.group(2));
        }
        return wrappers.cellOf(wrapper).map(c -> "cell [" + c + "]").orElse("the notebook");
    }

    private String lambda(String owner) {
        List<String> places = new ArrayList<>();
        for (int line : lambdaLines.getOrDefault(owner, List.of())) {
            Optional<String> at = wrappers.describe(owner, line);
            if (at.isPresent() && !places.contains(at.get())) {
                places.add(at.get());
            }
        }
        if (places.size() == 1) {
            return "the lambda at " + places.get(0);
        }
        if (!places.isEmpty()) {
            return "a lambda at " + String.join(" or ", places);
        }
        return wrappers.cellOf(owner).map(c -> "a lambda in cell [" + c + "]").orElse("a notebook lambda");
    }
}
