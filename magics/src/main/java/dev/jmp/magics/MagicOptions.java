package dev.jmp.magics;

import dev.jmp.launch.WorkerJava;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses a magic's options ({@code -n 4}, {@code --name=x}, {@code --bg}) with errors that say
 * what was wrong and show the usage line: an unknown option, a missing value, a value of the
 * wrong kind or out of range.
 *
 * <pre>{@code
 * MagicOptions spec = new MagicOptions("%%spawn", "%%spawn [-n N] [--bg]").value("-n").flag("--bg");
 * MagicOptions.Parsed o = spec.parse(args);
 * int n = o.integer("-n", 1, 1, 256);
 * }</pre>
 */
public final class MagicOptions {

    private final String magic;
    private final String synopsis;
    private final Map<String, Boolean> takesValue = new LinkedHashMap<>();
    private boolean positionalAllowed;

    /**
     * Starts a specification.
     *
     * @param magic    the magic as typed, for example {@code %%spawn}
     * @param synopsis the usage line shown with errors
     */
    public MagicOptions(String magic, String synopsis) {
        this.magic = magic;
        this.synopsis = synopsis;
    }

    /**
     * Declares an option without a value.
     *
     * @param name for example {@code --bg}
     * @return this
     */
    public MagicOptions flag(String name) {
        takesValue.put(name, false);
        return this;
    }

    /**
     * Declares an option with a value ({@code --name x} or {@code --name=x}).
     *
     * @param name for example {@code --name}
     * @return this
     */
    public MagicOptions value(String name) {
        takesValue.put(name, true);
        return this;
    }

    /**
     * Accepts words that are not options (for example a run's name).
     *
     * @return this
     */
    public MagicOptions positional() {
        positionalAllowed = true;
        return this;
    }

    /**
     * Parses split arguments.
     *
     * @param args the words after the magic's name
     * @return the options found
     * @throws MagicException for an unknown option, a missing value, a repeated option or a stray word
     */
    public Parsed parse(List<String> args) throws MagicException {
        Map<String, String> found = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-") || arg.equals("-") || isNumber(arg)) {
                if (!positionalAllowed) {
                    throw error("unexpected argument '" + arg + "'");
                }
                words.add(arg);
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            Boolean needsValue = takesValue.get(name);
            if (needsValue == null) {
                throw error("unknown option " + name);
            }
            if (found.containsKey(name)) {
                throw error("option " + name + " is given twice");
            }
            if (needsValue && value == null) {
                if (i + 1 >= args.size()) {
                    throw error("option " + name + " needs a value");
                }
                value = args.get(++i);
            } else if (!needsValue && value != null) {
                throw error("option " + name + " takes no value (got '" + value + "')");
            }
            found.put(name, needsValue ? value : "");
        }
        return new Parsed(found, words);
    }

    private static boolean isNumber(String s) {
        return s.matches("-\\d+(\\.\\d+)?");
    }

    private MagicException error(String what) {
        Set<String> accepted = new TreeSet<>(takesValue.keySet());
        return new MagicException(magic + ": " + what + ". Usage: " + synopsis + " (accepted options: "
                + String.join(", ", accepted) + "; " + magic + " --help explains them)");
    }

    /** The options of one invocation. */
    public final class Parsed {

        private final Map<String, String> values;
        private final List<String> words;

        private Parsed(Map<String, String> values, List<String> words) {
            this.values = values;
            this.words = List.copyOf(words);
        }

        /**
         * Whether an option was given.
         *
         * @param name the option
         * @return true if present
         */
        public boolean has(String name) {
            return values.containsKey(name);
        }

        /**
         * An option's value.
         *
         * @param name     the option
         * @param fallback returned when the option is absent
         * @return the value
         * @throws MagicException if the value is empty
         */
        public String string(String name, String fallback) throws MagicException {
            String v = values.get(name);
            if (v == null) {
                return fallback;
            }
            if (v.isBlank()) {
                throw error("option " + name + " needs a non-empty value");
            }
            return v;
        }

        /**
         * An option's value as given, possibly empty.
         *
         * @param name the option
         * @return the value, or null when absent
         */
        public String raw(String name) {
            return values.get(name);
        }

        /**
         * A Java home option ({@code --java PATH}: the Java the workers run on), checked now so
         * a wrong path fails the cell before any worker starts.
         *
         * @param name the option
         * @return the Java home, or null when absent
         * @throws MagicException if the path does not exist, is not a Java home, or is older than the
         *                        kernel's Java (whose class files the workers run)
         */
        public Path javaHome(String name) throws MagicException {
            String v = string(name, null);
            if (v == null) {
                return null;
            }
            Path home;
            try {
                home = WorkerJava.home(Path.of(v));
            } catch (IllegalArgumentException e) { // InvalidPathException too
                throw new MagicException(magic + ": " + name + ": " + e.getMessage());
            }
            // JShell compiles cells for the release the kernel runs on; an older worker cannot load them.
            int kernel = Runtime.version().feature();
            if (WorkerJava.release(home) < kernel) {
                throw new MagicException(magic + ": " + name + ": " + home + " is Java " + WorkerJava.version(home)
                        + ", older than the kernel's Java " + kernel + ", whose class files the workers run;"
                        + " give a Java " + kernel + " or later");
            }
            return home;
        }

        /**
         * An integer option.
         *
         * @param name     the option
         * @param fallback returned when absent
         * @param min      the smallest accepted value
         * @param max      the largest accepted value
         * @return the value
         * @throws MagicException if it is not an integer in range
         */
        public int integer(String name, int fallback, int min, int max) throws MagicException {
            String v = values.get(name);
            if (v == null) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v.trim());
                if (n < min || n > max) {
                    throw error("option " + name + " must be between " + min + " and " + max + " (got " + n + ")");
                }
                return n;
            } catch (NumberFormatException e) {
                throw error("option " + name + " needs a whole number (got '" + v + "')");
            }
        }

        /**
         * A duration in seconds ({@code 30}, {@code 0.5}).
         *
         * @param name the option
         * @return the seconds, or -1 when absent
         * @throws MagicException if it is not a positive number
         */
        public double seconds(String name) throws MagicException {
            String v = values.get(name);
            if (v == null) {
                return -1;
            }
            try {
                double s = Double.parseDouble(v.trim().toLowerCase(Locale.ROOT).replaceAll("s$", ""));
                if (!(s > 0) || Double.isInfinite(s)) {
                    throw error("option " + name + " must be a positive number of seconds (got " + v + ")");
                }
                return s;
            } catch (NumberFormatException e) {
                throw error("option " + name + " needs a number of seconds, like 30 or 0.5 (got '" + v + "')");
            }
        }

        /**
         * The words that are not options, in order.
         *
         * @return the words
         */
        public List<String> positional() {
            return words;
        }
    }
}
