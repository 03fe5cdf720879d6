package dev.jmp.spi;

import java.util.regex.Pattern;

/**
 * Turns class names as JShell generates them into names users recognise. JShell wraps each
 * snippet in a class {@code REPL.$JShell$<n>} (an internal detail users never wrote) and
 * declares notebook classes as members of it ({@code REPL.$JShell$12$Point}).
 */
public final class NotebookNames {

    private static final Pattern WRAPPER = Pattern.compile("^REPL\\.\\$JShell\\$\\d+\\$?");
    /** In lambda classes' names: {@code X$$Lambda$14/0x...} up to JDK 20, {@code X$$Lambda/0x...} from 21. */
    private static final String LAMBDA_MARKER = "$$Lambda";

    private NotebookNames() {
    }

    /**
     * @param binaryName a class's binary name
     * @return the name without JShell's wrapper: {@code ""} for a wrapper class itself,
     *         {@code Point} for {@code REPL.$JShell$12$Point}, {@code a lambda} for a lambda's
     *         hidden class, and any other name unchanged
     */
    public static String displayClassName(String binaryName) {
        if (binaryName.contains(LAMBDA_MARKER)) {
            return "a lambda";
        }
        return WRAPPER.matcher(binaryName).replaceFirst("").replace('$', '.');
    }

    /**
     * @param type a class
     * @return its user-facing name: see {@link #displayClassName(String)}; arrays get {@code []}
     */
    public static String displayType(Class<?> type) {
        if (type.isArray()) {
            return displayType(type.getComponentType()) + "[]";
        }
        return displayClassName(type.getName());
    }
}
