package dev.jmp.magics;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options of one magic, each {@link MagicOption declared once}, and what follows from the
 * declarations: the synopsis, the {@code --help} text, parsing ({@code -n 4}, {@code --name=x},
 * {@code --bg}) and errors that say what was wrong and show the usage line (an unknown option,
 * a missing value, a value of the wrong kind or out of range, a missing required option).
 *
 * <pre>{@code
 * static final MagicOption<Integer> COUNT = MagicOption.integer("-n", "N", 1, 256, "number of processes").orElse(1);
 * static final MagicOption<Boolean> BG = MagicOption.flag("--bg", "return at once");
 * static final MagicOptions OPTIONS = new MagicOptions("%%spawn", COUNT, BG);
 * int n = OPTIONS.parse(args).get(COUNT);
 * }</pre>
 */
public final class MagicOptions {

    private final String magic;
    private final List<MagicOption<?>> options;
    private final Map<String, MagicOption<?>> byName = new LinkedHashMap<>();
    private final String positional;

    /**
     * Declares the options of a magic that takes no other words.
     *
     * @param magic   the magic as typed, for example {@code %%spawn}
     * @param options its options, in the order the synopsis and help list them
     */
    public MagicOptions(String magic, MagicOption<?>... options) {
        this(magic, null, options);
    }

    /**
     * Declares the options of a magic that also takes words that are not options.
     *
     * @param magic      the magic as typed, for example {@code %timeline}
     * @param positional how the synopsis shows those words, for example {@code [NAME]}
     * @param options    its options, in the order the synopsis and help list them
     */
    public MagicOptions(String magic, String positional, MagicOption<?>... options) {
        this.magic = magic;
        this.positional = positional;
        this.options = List.of(options);
        for (MagicOption<?> option : this.options) {
            for (String name : option.names()) {
                if (byName.put(name, option) != null) {
                    throw new IllegalArgumentException(magic + ": option " + name + " is declared twice");
                }
            }
        }
    }

    /**
     * The usage line: the magic, its words, then each option (optional ones in brackets).
     *
     * @return for example {@code %%spawn [-n N] [--bg]}
     */
    public String synopsis() {
        return String.join(" ", synopsisParts());
    }

    private List<String> synopsisParts() {
        List<String> parts = new ArrayList<>(List.of(magic));
        if (positional != null) {
            parts.add(positional);
        }
        for (MagicOption<?> option : options) {
            parts.add(option.isRequired() ? option.synopsis() : "[" + option.synopsis() + "]");
        }
        return parts;
    }

    /**
     * The full {@code --help} text: the synopsis, the description, the options with their help
     * lines, ranges and defaults, then the examples.
     *
     * @param body        what the cell body is, for a cell magic (null for a line magic)
     * @param description what the magic does, one or more paragraphs
     * @param examples    example uses, one per line
     * @return the text
     */
    public String help(String body, String description, String examples) {
        StringBuilder out = new StringBuilder();
        List<String> parts = synopsisParts();
        UsageText.wrap(out, "Usage: " + parts.get(0) + " ", parts.subList(1, parts.size()));
        if (body != null) {
            out.append(" ".repeat("Usage: ".length())).append(body).append('\n');
        }
        out.append('\n').append(description.strip()).append('\n');
        Map<String, String> rows = new LinkedHashMap<>();
        options.forEach(o -> rows.putAll(o.helpRows()));
        if (!rows.isEmpty()) {
            out.append("\nOptions:\n");
            UsageText.table(out, rows);
        }
        List<String> lines = examples.strip().lines().toList();
        out.append('\n').append(lines.size() == 1 ? "Example:" : "Examples:").append('\n');
        lines.forEach(line -> out.append(line.isEmpty() ? "" : "  " + line).append('\n'));
        return out.toString().strip();
    }

    /**
     * Whether a word is one of the options (alone or as {@code --name=value}).
     *
     * @param word a word of the arguments
     * @return true for a declared option's name
     */
    public boolean isOption(String word) {
        int eq = word.indexOf('=');
        return byName.containsKey(word.startsWith("--") && eq > 0 ? word.substring(0, eq) : word);
    }

    /**
     * Parses split arguments, converting and checking every value.
     *
     * @param args the words after the magic's name
     * @return the options found
     * @throws MagicException for an unknown option, a missing or bad value, a repeated option, a
     *                        missing required option or a stray word
     */
    public Parsed parse(List<String> args) throws MagicException {
        Map<MagicOption<?>, Object> found = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-") || arg.equals("-") || arg.matches("-\\d+(\\.\\d+)?")) {
                if (positional == null) {
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
            MagicOption<?> option = byName.get(name);
            if (option == null) {
                throw error("unknown option " + name);
            }
            if (found.containsKey(option)) {
                throw error("option " + name + " is given twice");
            }
            if (option.takesValue() && value == null) {
                if (i + 1 >= args.size()) {
                    throw error("option " + name + " needs a value");
                }
                value = args.get(++i);
            } else if (!option.takesValue() && value != null) {
                throw error("option " + name + " takes no value (got '" + value + "')");
            }
            try {
                found.put(option, option.convert(value == null ? "" : value));
            } catch (IllegalArgumentException e) {
                throw error("option " + name + " " + e.getMessage());
            }
        }
        List<String> missing = options.stream().filter(o -> o.isRequired() && !found.containsKey(o))
                .map(MagicOption::missing).toList();
        if (!missing.isEmpty()) {
            throw new MagicException(magic + " needs " + String.join(" and ", missing) + ". Usage: " + synopsis());
        }
        return new Parsed(found, words);
    }

    /**
     * An error about this magic's arguments, in the form every parse error has: what was wrong,
     * the usage line, and the options accepted.
     *
     * @param what what was wrong, for example {@code --out and --as must differ}
     * @return the exception to throw
     */
    public MagicException error(String what) {
        Set<String> accepted = new TreeSet<>(byName.keySet());
        return new MagicException(magic + ": " + what + ". Usage: " + synopsis()
                + (accepted.isEmpty() ? "" : " (accepted options: " + String.join(", ", accepted) + "; " + magic
                + " --help explains them)"));
    }

    /** The options of one invocation. */
    public static final class Parsed {

        private final Map<MagicOption<?>, Object> values;
        private final List<String> words;

        private Parsed(Map<MagicOption<?>, Object> values, List<String> words) {
            this.values = values;
            this.words = List.copyOf(words);
        }

        /**
         * Whether an option was given.
         *
         * @param option the option
         * @return true if present
         */
        public boolean has(MagicOption<?> option) {
            return values.containsKey(option);
        }

        /**
         * An option's value, already converted and checked.
         *
         * @param option the option
         * @param <T>    its value's type
         * @return the value given, or the option's default when absent
         */
        @SuppressWarnings("unchecked")
        public <T> T get(MagicOption<T> option) {
            return values.containsKey(option) ? (T) values.get(option) : option.fallback();
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
