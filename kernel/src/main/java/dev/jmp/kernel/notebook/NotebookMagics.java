package dev.jmp.kernel.notebook;

import java.util.List;

/**
 * Magics called from Java code, as in IJava and JJava: {@code lineMagic("jars", "lib/*.jar")},
 * {@code cellMagic("sh", "", "ls")}. Every cell imports these methods statically, and a line
 * magic written as an expression ({@code List<String> added = %jars lib/*.jar;}, or after
 * {@code return}) is rewritten into a {@code lineMagic} call.
 *
 * <p>Magics that run Java code through JShell themselves ({@code %time}, {@code %load},
 * {@code %%spawn}, {@code %%pool}, {@code %%shared}) cannot be called from Java code: JShell is
 * busy running the code that calls them. They fail with a message saying so; use them on a line
 * (or a cell) of their own.
 */
public final class NotebookMagics {

    private static volatile MagicRunner runner;

    private NotebookMagics() {
    }

    /**
     * Connects the methods to the kernel's magics (called once at kernel start).
     *
     * @param kernelRunner the kernel's runner
     */
    public static void install(MagicRunner kernelRunner) {
        runner = kernelRunner;
    }

    private static MagicRunner runner() {
        MagicRunner r = runner;
        if (r == null) {
            throw new IllegalStateException("magics can be called only inside the jmp kernel");
        }
        return r;
    }

    /**
     * Runs a line magic with its argument text as it would follow the name in a cell.
     *
     * @param name the magic's name, with or without {@code %}
     * @param args the arguments, for example {@code "lib/*.jar ~/jars/*.jar"}
     * @param <T>  the type the caller expects (a {@code List<String>} for {@code %jars}, {@code %classpath}, {@code %maven})
     * @return the magic's value, or null
     * @throws MagicCallException when the magic is unknown or fails
     */
    @SuppressWarnings("unchecked")
    public static <T> T lineMagic(String name, String args) {
        return (T) runner().line(strip(name, "%"), args == null ? "" : args);
    }

    /**
     * Runs a line magic with its arguments one by one, as IJava's {@code lineMagic} takes them
     * (an argument with spaces or quotes is quoted for the magic).
     *
     * @param name the magic's name, with or without {@code %}
     * @param args the arguments
     * @param <T>  the type the caller expects
     * @return the magic's value, or null
     * @throws MagicCallException when the magic is unknown or fails
     */
    public static <T> T lineMagic(String name, List<String> args) {
        return lineMagic(name, join(args));
    }

    /**
     * Runs a cell magic.
     *
     * @param name the magic's name, with or without {@code %%}
     * @param args the text after the name on the first line
     * @param body the cell's body
     * @param <T>  the type the caller expects
     * @return the magic's value, or null
     * @throws MagicCallException when the magic is unknown or fails
     */
    @SuppressWarnings("unchecked")
    public static <T> T cellMagic(String name, String args, String body) {
        return (T) runner().cell(strip(strip(name, "%"), "%"), args == null ? "" : args, body == null ? "" : body);
    }

    /**
     * Runs a cell magic with its first-line arguments one by one, as IJava's {@code cellMagic} takes them.
     *
     * @param name the magic's name, with or without {@code %%}
     * @param args the arguments
     * @param body the cell's body
     * @param <T>  the type the caller expects
     * @return the magic's value, or null
     * @throws MagicCallException when the magic is unknown or fails
     */
    public static <T> T cellMagic(String name, List<String> args, String body) {
        return cellMagic(name, join(args), body);
    }

    private static String strip(String name, String prefix) {
        if (name == null || name.isBlank()) {
            throw new MagicCallException("a magic's name is needed, for example lineMagic(\"jars\", \"lib/*.jar\")", null);
        }
        String n = name.strip();
        return n.startsWith(prefix) ? n.substring(prefix.length()) : n;
    }

    /**
     * Arguments as one text the magics' splitter (basekernel's) gives back unchanged: those with
     * spaces or double quotes are put in double quotes, their quotes escaped. That splitter
     * drops a backslash before any other character, so give such arguments in the text form.
     */
    static String join(List<String> args) {
        StringBuilder text = new StringBuilder();
        for (String arg : args == null ? List.<String>of() : args) {
            if (text.length() > 0) {
                text.append(' ');
            }
            boolean plain = !arg.isEmpty() && arg.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"');
            if (plain) {
                text.append(arg);
            } else {
                text.append('"').append(arg.replace("\"", "\\\"")).append('"');
            }
        }
        return text.toString();
    }
}
