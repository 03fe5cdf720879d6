package dev.jmp.spi;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Turns class names as JShell generates them into names users recognise. JShell wraps each
 * snippet in a class {@code REPL.$JShell$<n>} (an internal detail users never wrote) and
 * declares notebook classes as members of it ({@code REPL.$JShell$12$Point}).
 *
 * <p>Texts (exception messages, the JVM's helpful NullPointerException messages among them) go
 * through the translation a notebook kernel installs with {@link #setTextTranslator}: only the
 * kernel knows which cell and line a wrapper or a lambda came from. Without one, texts are
 * shown as they are.
 */
public final class NotebookNames {

    private static final Pattern WRAPPER = Pattern.compile("^REPL\\.\\$JShell\\$\\d+\\$?");
    /** In lambda classes' names: {@code X$$Lambda$14/0x...} up to JDK 20, {@code X$$Lambda/0x...} from 21. */
    private static final String LAMBDA_MARKER = "$$Lambda";

    private static volatile UnaryOperator<String> textTranslator = UnaryOperator.identity();

    private NotebookNames() {
    }

    /**
     * Installs the translation of texts (a notebook kernel's).
     *
     * @param translator rewrites JShell's names in a text as the notebook shows them;
     *                   {@code null} restores showing texts as they are
     */
    public static void setTextTranslator(UnaryOperator<String> translator) {
        textTranslator = translator == null ? UnaryOperator.identity() : translator;
    }

    /**
     * @param text a message or line that may name notebook code by JShell's names, or null
     * @return the text as the installed translation shows it (unchanged without one, or if the
     *         translation fails: the raw text beats none)
     */
    public static String displayText(String text) {
        if (text == null) {
            return null;
        }
        try {
            String shown = textTranslator.apply(text);
            return shown == null ? text : shown;
        } catch (RuntimeException e) {
            return text;
        }
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
