package dev.jmp.magics.pool;

import dev.jmp.magics.MagicDoc;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.MagicOption;
import dev.jmp.magics.MagicOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options of one {@code %%pool} cell.
 *
 * @param over           the Java expression giving the items ({@code --over})
 * @param as             the name the body sees each item as ({@code --as})
 * @param processes      how many workers ({@code -n})
 * @param out            the variable the results are bound to ({@code --out}), or null
 * @param unordered      whether results are listed in completion order ({@code --unordered})
 * @param chunksize      items per task, 0 for adaptive ({@code --chunksize})
 * @param timeoutSeconds after how long the run is stopped ({@code --timeout}), or -1
 * @param retries        how often a failed item is tried again ({@code --retries})
 * @param collect        whether failures are collected ({@code --on-error collect}) instead of stopping the run
 * @param javaHome       the Java the workers run on ({@code --java}), or null for the kernel's
 * @param on             the cluster the workers run on ({@code --on}), or null for this machine; with
 *                       it and without {@code -n}, {@code processes} is 0: as many as the cluster's slots
 */
public record PoolOptions(String over, String as, int processes, String out, boolean unordered, int chunksize,
                          double timeoutSeconds, int retries, boolean collect, Path javaHome, String on) {

    /** Options for a pool on this machine. */
    public PoolOptions(String over, String as, int processes, String out, boolean unordered, int chunksize,
                       double timeoutSeconds, int retries, boolean collect, Path javaHome) {
        this(over, as, processes, out, unordered, chunksize, timeoutSeconds, retries, collect, javaHome, null);
    }

    static final MagicOption<String> OVER = MagicOption.text("--over", "EXPR", "the items").required();
    static final MagicOption<String> AS = MagicOption.javaName("--as", "NAME", "the item's variable name in the body")
            .required();
    static final MagicOption<Integer> PROCESSES = MagicOption.integer("-n", "N", 1, 64, "number of worker processes")
            .defaultShown("one per processor");
    static final MagicOption<String> OUT = MagicOption.javaName("--out", "VAR", "bind the results to VAR")
            .orElse("results");
    static final MagicOption<Boolean> UNORDERED = MagicOption.flag("--unordered",
            "list results in the order they finished");
    static final MagicOption<Integer> CHUNKSIZE = MagicOption.integer("--chunksize", "K", 1, 1_000_000,
            "K items per task").defaultShown("adaptive batching");
    static final MagicOption<Double> TIMEOUT = MagicOption.seconds("--timeout", "S",
            "stop the run after S seconds (the cell fails)");
    static final MagicOption<Integer> RETRIES = MagicOption.integer("--retries", "R", 0, 100,
            "try an item that failed (or whose worker died) R more times").orElse(0);
    static final MagicOption<String> ON_ERROR = MagicOption.choice("--on-error", "stop",
            Map.entry("stop", "the first failure cancels the remaining items and fails the cell with its stack"
                    + " trace in cell line numbers"),
            Map.entry("collect", "run every item; failed items are listed and their results left null; the cell"
                    + " does not fail"));

    static final MagicOption<Path> JAVA = MagicOption.javaHome("--java",
            "run the workers on another Java (its home or its bin/java), e.g. a newer JDK; not older than the"
                    + " kernel's Java");

    static final MagicOption<String> ON = MagicOption.text("--on", "CLUSTER",
            "run on the workers of a cluster started with %cluster start (-n defaults to its slots)");

    static final MagicOptions OPTIONS = new MagicOptions("%%pool", OVER, AS, PROCESSES, OUT, UNORDERED, CHUNKSIZE,
            TIMEOUT, RETRIES, ON_ERROR, JAVA, ON);

    /** The documentation of {@code %%pool}. */
    public static final MagicDoc DOC = new MagicDoc("pool", false, true,
            "Compute the body for every item of a collection in a pool of worker processes, with live progress.",
            OPTIONS.help("BODY (Java statements computing the value for the item NAME; `return` it)", """
                    EXPR runs until the next option (spaces, brackets and strings are fine) and is
                    evaluated in the notebook: an Iterable (a List, a Set, map.entrySet() ...),
                    an array (int[], double[], String[] ...) or a Stream/IntStream. The body sees each
                    item as the variable NAME, typed as the items are, and runs in N worker JVMs; the
                    variables of earlier cells it reads are copied to the workers when the cell runs.

                    A progress display (done/total, rate, ETA, failures) updates in place while the
                    items run; each item's output streams into the cell labelled with its index [17].
                    The results are bound to VAR (default: results) as a List in input order, typed
                    after the body's returns (List<Integer> for `return x * x;` on ints).""", """
                    %%pool --over List.of(1, 2, 3, 4) --as x -n 2 --out squares
                    return x * x;

                    %%pool --over urls --as url --on-error collect --retries 1
                    return fetch(url).length();"""));

    /**
     * Parses the first line of a {@code %%pool} cell. The {@code --over} expression runs until
     * the next option and may contain spaces, brackets and string literals.
     *
     * @param raw the text after {@code %%pool}
     * @return the options
     * @throws MagicException for a missing, unknown or malformed option, with the usage line
     */
    public static PoolOptions parse(String raw) throws MagicException {
        List<String> words = PoolArgs.words(raw);
        List<String> args = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--over") || w.startsWith("--over=")) {
                StringBuilder expr = new StringBuilder(w.equals("--over") ? "" : w.substring("--over=".length()));
                while (i + 1 < words.size() && !OPTIONS.isOption(words.get(i + 1))) {
                    expr.append(expr.length() == 0 ? "" : " ").append(words.get(++i));
                }
                args.add("--over");
                args.add(PoolArgs.unquote(expr.toString()));
            } else {
                args.add(PoolArgs.unquote(w));
            }
        }
        return parse(args);
    }

    /**
     * Parses split words.
     *
     * @param args the words
     * @return the options
     * @throws MagicException for a missing, unknown or malformed option, with the usage line
     */
    public static PoolOptions parse(List<String> args) throws MagicException {
        MagicOptions.Parsed o = OPTIONS.parse(args);
        String as = o.get(AS);
        String out = o.get(OUT);
        if (out.equals(as)) {
            throw OPTIONS.error("--out and --as must differ (both are '" + as + "')");
        }
        Integer processes = o.get(PROCESSES);
        Integer chunksize = o.get(CHUNKSIZE);
        String on = o.get(ON);
        return new PoolOptions(o.get(OVER), as,
                processes != null ? processes
                        : on != null ? 0 : Math.max(1, Math.min(64, Runtime.getRuntime().availableProcessors())),
                out, o.get(UNORDERED), chunksize == null ? 0 : chunksize, o.get(TIMEOUT), o.get(RETRIES),
                o.get(ON_ERROR).equals("collect"), o.get(JAVA), on);
    }
}
