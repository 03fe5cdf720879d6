package dev.jmp.magics;

import javax.lang.model.SourceVersion;
import dev.jmp.launch.WorkerJava;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One option of a magic, declared once: its name and aliases, whether it takes a value, the
 * value's type and checks, its default and its help line. {@link MagicOptions} derives the
 * synopsis, the {@code --help} text, the parsing and the error messages from these declarations.
 * Declarations are immutable: every {@code with}-style method returns a new one.
 *
 * <pre>{@code
 * static final MagicOption<Integer> COUNT = MagicOption.integer("-n", "N", 1, 256, "number of processes").orElse(1);
 * }</pre>
 *
 * @param <T> the type of the value a magic reads
 */
public final class MagicOption<T> {

    /**
     * Turns the text given for an option into its value, or throws an
     * {@link IllegalArgumentException} whose message completes "option NAME ...".
     */
    @FunctionalInterface
    private interface Converter<T> {
        T convert(String text);
    }

    private record Check<T>(Predicate<T> accepts, Function<T, String> problem) {
    }

    private final String name;
    private final List<String> aliases;
    private final String valueName;
    private final String help;
    private final Converter<T> converter;
    private final T fallback;
    private final String defaultText;
    private final String range;
    private final boolean required;
    private final boolean allowEmpty;
    private final Map<String, String> choices;
    private final List<Check<T>> checks;

    private MagicOption(String name, List<String> aliases, String valueName, String help, Converter<T> converter,
                        T fallback, String defaultText, String range, boolean required, boolean allowEmpty,
                        Map<String, String> choices, List<Check<T>> checks) {
        if (!name.startsWith("-")) {
            throw new IllegalArgumentException("an option's name starts with '-': " + name);
        }
        this.name = name;
        this.aliases = List.copyOf(aliases);
        this.valueName = valueName;
        this.help = Objects.requireNonNull(help, "help");
        this.converter = converter;
        this.fallback = fallback;
        this.defaultText = defaultText;
        this.range = range;
        this.required = required;
        this.allowEmpty = allowEmpty;
        this.choices = choices;
        this.checks = List.copyOf(checks);
    }

    private static <T> MagicOption<T> of(String name, String valueName, String help, Converter<T> converter, T fallback) {
        return new MagicOption<>(name, List.of(), valueName, help, converter, fallback, null, null, false, false, null,
                List.of());
    }

    /**
     * An option without a value: present or not.
     *
     * @param name for example {@code --bg}
     * @param help what giving it does
     * @return the declaration; its value is false when absent
     */
    public static MagicOption<Boolean> flag(String name, String help) {
        return of(name, null, help, text -> Boolean.TRUE, Boolean.FALSE);
    }

    /**
     * An option with a non-empty text value ({@code --name x} or {@code --name=x}).
     *
     * @param name      for example {@code --name}
     * @param valueName what the value is called in the synopsis, for example {@code NAME}
     * @param help      what the option does
     * @return the declaration; its value is null when absent unless {@link #orElse} says otherwise
     */
    public static MagicOption<String> text(String name, String valueName, String help) {
        return of(name, valueName, help, text -> text, null);
    }

    /**
     * An option whose value names a Java variable (one identifier, not a keyword).
     *
     * @param name      for example {@code --out}
     * @param valueName for example {@code VAR}
     * @param help      what the option does
     * @return the declaration
     */
    public static MagicOption<String> javaName(String name, String valueName, String help) {
        return text(name, valueName, help).check(v -> SourceVersion.isName(v) && !v.contains("."),
                v -> "'" + v + "' is not a valid Java variable name");
    }

    /**
     * A whole-number option within a range.
     *
     * @param name      for example {@code -n}
     * @param valueName for example {@code N}
     * @param min       the smallest value accepted
     * @param max       the largest value accepted
     * @param help      what the option does (the range is added to it)
     * @return the declaration; its value is null when absent unless {@link #orElse} says otherwise
     */
    public static MagicOption<Integer> integer(String name, String valueName, int min, int max, String help) {
        Converter<Integer> converter = text -> {
            int n;
            try {
                n = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("needs a whole number (got '" + text + "')");
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max + " (got " + n + ")");
            }
            return n;
        };
        return new MagicOption<>(name, List.of(), valueName, help, converter, null, null, min + " to " + max, false,
                false, null, List.of());
    }

    /**
     * A duration in seconds ({@code 30}, {@code 0.5}, {@code 2s}).
     *
     * @param name      for example {@code --timeout}
     * @param valueName for example {@code S}
     * @param help      what the option does
     * @return the declaration; its value is -1 when absent
     */
    public static MagicOption<Double> seconds(String name, String valueName, String help) {
        return of(name, valueName, help, text -> {
            double s;
            try {
                s = Double.parseDouble(text.trim().toLowerCase(Locale.ROOT).replaceAll("s$", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("needs a number of seconds, like 30 or 0.5 (got '" + text + "')");
            }
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("must be a positive number of seconds (got " + text + ")");
            }
            return s;
        }, -1.0);
    }

    /**
     * A Java for the workers ({@code --java PATH}: a Java home or its {@code bin/java}), checked
     * when the cell runs so a wrong path fails before any worker starts. JShell compiles cells
     * for the release the kernel runs on, so an older Java is refused.
     *
     * @param name for example {@code --java}
     * @param help what the option does
     * @return the declaration; its value is the Java home, or null when absent
     */
    public static MagicOption<Path> javaHome(String name, String help) {
        return of(name, "PATH", help, text -> {
            Path home = WorkerJava.home(Path.of(text)); // its IllegalArgumentException says what is wrong
            int kernel = Runtime.version().feature();
            if (WorkerJava.release(home) < kernel) {
                throw new IllegalArgumentException(home + " is Java " + WorkerJava.version(home)
                        + ", older than the kernel's Java " + kernel + ", whose class files the workers run;"
                        + " give a Java " + kernel + " or later");
            }
            return home;
        }, null);
    }

    /**
     * An option whose value is one of a few words, each with its own help line.
     *
     * @param name     for example {@code --on-error}
     * @param fallback the word used when the option is absent (one of the choices)
     * @param choices  each accepted word and what it does, in the order the help lists them
     * @return the declaration
     */
    @SafeVarargs
    public static MagicOption<String> choice(String name, String fallback, Map.Entry<String, String>... choices) {
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> choice : choices) {
            copy.put(choice.getKey(), choice.getValue());
        }
        if (!copy.containsKey(fallback)) {
            throw new IllegalArgumentException(name + ": the default " + fallback + " is not one of " + copy.keySet());
        }
        String words = String.join("|", copy.keySet());
        List<String> list = List.copyOf(copy.keySet());
        Converter<String> converter = text -> {
            if (!copy.containsKey(text)) {
                throw new IllegalArgumentException("must be " + String.join(", ", list.subList(0, list.size() - 1))
                        + (list.size() > 1 ? " or " : "") + list.get(list.size() - 1) + " (got '" + text + "')");
            }
            return text;
        };
        return new MagicOption<>(name, List.of(), words, "", converter, fallback, null, null, false, false, copy,
                List.of());
    }

    private MagicOption<T> copy(List<String> aliases, T fallback, String defaultText, boolean required,
                                boolean allowEmpty, List<Check<T>> checks) {
        return new MagicOption<>(name, aliases, valueName, help, converter, fallback, defaultText, range, required,
                allowEmpty, choices, checks);
    }

    /**
     * Adds another name for the option.
     *
     * @param alias for example {@code --processes}
     * @return the new declaration
     */
    public MagicOption<T> alias(String alias) {
        if (!alias.startsWith("-")) {
            throw new IllegalArgumentException("an option's alias starts with '-': " + alias);
        }
        List<String> more = new ArrayList<>(aliases);
        more.add(alias);
        return copy(more, fallback, defaultText, required, allowEmpty, checks);
    }

    /**
     * The value used when the option is absent; the help shows it as the default.
     *
     * @param value the default
     * @return the new declaration
     */
    public MagicOption<T> orElse(T value) {
        return copy(aliases, value, String.valueOf(value), required, allowEmpty, checks);
    }

    /**
     * How the help describes the default when it is not a fixed value (computed when the magic
     * runs, or a behaviour rather than a value).
     *
     * @param text for example {@code one per processor}
     * @return the new declaration
     */
    public MagicOption<T> defaultShown(String text) {
        return copy(aliases, fallback, text, required, allowEmpty, checks);
    }

    /**
     * Makes the option required: parsing fails, naming it, when it is absent.
     *
     * @return the new declaration
     */
    public MagicOption<T> required() {
        return copy(aliases, fallback, defaultText, true, allowEmpty, checks);
    }

    /**
     * Accepts an empty value ({@code --jvm-opts ""}), which is otherwise an error.
     *
     * @return the new declaration
     */
    public MagicOption<T> allowEmpty() {
        return copy(aliases, fallback, defaultText, required, true, checks);
    }

    /**
     * Adds a check of the value.
     *
     * @param accepts whether a value is accepted
     * @param problem what is wrong with a refused value, completing "option NAME ..."
     * @return the new declaration
     */
    public MagicOption<T> check(Predicate<T> accepts, Function<T, String> problem) {
        List<Check<T>> more = new ArrayList<>(checks);
        more.add(new Check<>(accepts, problem));
        return copy(aliases, fallback, defaultText, required, allowEmpty, more);
    }

    /**
     * The option's main name.
     *
     * @return for example {@code --timeout}
     */
    public String name() {
        return name;
    }

    /**
     * Every name the option answers to.
     *
     * @return the main name, then the aliases
     */
    public List<String> names() {
        List<String> all = new ArrayList<>(List.of(name));
        all.addAll(aliases);
        return all;
    }

    /**
     * Whether the option takes a value.
     *
     * @return false for a flag
     */
    public boolean takesValue() {
        return valueName != null;
    }

    boolean isRequired() {
        return required;
    }

    T fallback() {
        return fallback;
    }

    /**
     * Converts and checks a value given for the option.
     *
     * @param text the text given (empty for a flag)
     * @return the value
     * @throws IllegalArgumentException with what is wrong, completing "option NAME ..."
     */
    T convert(String text) {
        if (takesValue() && text.isBlank() && !allowEmpty) {
            throw new IllegalArgumentException("needs a non-empty value");
        }
        T value = converter.convert(text);
        for (Check<T> check : checks) {
            if (!check.accepts().test(value)) {
                throw new IllegalArgumentException(check.problem().apply(value));
            }
        }
        return value;
    }

    /** The option as the synopsis shows it: {@code --name NAME}, {@code --on-error stop|collect}. */
    String synopsis() {
        return name + (takesValue() ? " " + valueName : "");
    }

    /** The option as the help's list of options shows it: {@code --name NAME}, {@code -n, --count N}. */
    String label() {
        return String.join(", ", names()) + (takesValue() ? " " + valueName : "");
    }

    /** The help's rows for the option: label and text (a choice has a row per word). */
    Map<String, String> helpRows() {
        Map<String, String> rows = new LinkedHashMap<>();
        if (choices != null) {
            choices.forEach((word, text) -> rows.put(String.join(", ", names()) + " " + word,
                    (word.equals(fallback) ? "(default) " : "") + text));
            return rows;
        }
        List<String> notes = new ArrayList<>();
        if (required) {
            notes.add("required");
        }
        if (range != null) {
            notes.add(range);
        }
        if (defaultText != null) {
            notes.add("default " + defaultText);
        }
        rows.put(label(), help + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")"));
        return rows;
    }

    /** What the error for a missing required option says it is: {@code --over EXPR (the items)}. */
    String missing() {
        return synopsis() + " (" + help + ")";
    }
}
