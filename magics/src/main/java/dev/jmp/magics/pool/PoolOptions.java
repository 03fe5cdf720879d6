package dev.jmp.magics.pool;

import dev.jmp.magics.MagicDoc;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.MagicOptions;

import javax.lang.model.SourceVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
 */
public record PoolOptions(String over, String as, int processes, String out, boolean unordered, int chunksize,
                          double timeoutSeconds, int retries, boolean collect, Path javaHome) {

    static final String SYNOPSIS = "%%pool --over EXPR --as NAME [-n N] [--out VAR] [--unordered] [--chunksize K] "
            + "[--timeout S] [--retries R] [--on-error stop|collect] [--java PATH]";

    /** The documentation of {@code %%pool}. */
    public static final MagicDoc DOC = new MagicDoc("pool", false, true,
            "Compute the body for every item of a collection in a pool of worker processes, with live progress.",
            """
            Usage: %%pool --over EXPR --as NAME [-n N] [--out VAR] [--unordered] [--chunksize K]
                          [--timeout S] [--retries R] [--on-error stop|collect] [--java PATH]
                   BODY (Java statements computing the value for the item NAME; `return` it)

            EXPR runs until the next option (spaces, brackets and strings are fine) and is
            evaluated in the notebook: an Iterable (a List, a Set, map.entrySet() ...),
            an array (int[], double[], String[] ...) or a Stream/IntStream. The body sees each
            item as the variable NAME, typed as the items are, and runs in N worker JVMs; the
            variables of earlier cells it reads are copied to the workers when the cell runs.

            A progress display (done/total, rate, ETA, failures) updates in place while the
            items run; each item's output streams into the cell labelled with its index [17].
            The results are bound to VAR (default: results) as a List in input order, typed
            after the body's returns (List<Integer> for `return x * x;` on ints).

            Options:
              --over EXPR       the items (required)
              --as NAME         the item's variable name in the body (required)
              -n N              number of worker processes (default: processors, at most 64)
              --out VAR         bind the results to VAR (default: results)
              --unordered       list results in the order they finished
              --chunksize K     K items per task (default: adaptive batching)
              --timeout S       stop the run after S seconds (the cell fails)
              --retries R       try an item that failed (or whose worker died) R more times
              --on-error stop   (default) the first failure cancels the remaining items and
                                fails the cell with its stack trace in cell line numbers
              --on-error collect  run every item; failed items are listed and their
                                results left null; the cell does not fail
              --java PATH       run the workers on another Java (its home or its bin/java),
                                e.g. a newer JDK; not older than the kernel's Java

            Examples:
              %%pool --over List.of(1, 2, 3, 4) --as x -n 2 --out squares
              return x * x;

              %%pool --over urls --as url --on-error collect --retries 1
              return fetch(url).length();""");

    private static final Set<String> OPTIONS = Set.of("--over", "--as", "-n", "--out", "--unordered",
            "--chunksize", "--timeout", "--retries", "--on-error", "--java");

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
                while (i + 1 < words.size() && !OPTIONS.contains(optionName(words.get(i + 1)))) {
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

    private static String optionName(String word) {
        int eq = word.indexOf('=');
        return word.startsWith("--") && eq > 0 ? word.substring(0, eq) : word;
    }

    /**
     * Parses split words.
     *
     * @param args the words
     * @return the options
     * @throws MagicException for a missing, unknown or malformed option, with the usage line
     */
    public static PoolOptions parse(List<String> args) throws MagicException {
        MagicOptions spec = new MagicOptions("%%pool", SYNOPSIS)
                .value("--over").value("--as").value("-n").value("--out").flag("--unordered").value("--chunksize")
                .value("--timeout").value("--retries").value("--on-error").value("--java");
        MagicOptions.Parsed o = spec.parse(args);
        String over = o.string("--over", null);
        String as = o.string("--as", null);
        if (over == null || as == null) {
            throw new MagicException("%%pool needs " + (over == null ? "--over EXPR (the items)" : "")
                    + (over == null && as == null ? " and " : "") + (as == null ? "--as NAME (the item's variable)" : "")
                    + ". Usage: " + SYNOPSIS);
        }
        if (!SourceVersion.isName(as) || as.contains(".")) {
            throw new MagicException("%%pool: --as '" + as + "' is not a valid Java variable name");
        }
        String out = o.string("--out", "results");
        if (!SourceVersion.isName(out) || out.contains(".")) {
            throw new MagicException("%%pool: --out '" + out + "' is not a valid Java variable name");
        }
        if (out.equals(as)) {
            throw new MagicException("%%pool: --out and --as must differ (both are '" + as + "')");
        }
        String onError = o.string("--on-error", "stop");
        if (!onError.equals("stop") && !onError.equals("collect")) {
            throw new MagicException("%%pool: --on-error must be stop or collect (got '" + onError + "')");
        }
        int processors = Math.max(1, Math.min(64, Runtime.getRuntime().availableProcessors()));
        return new PoolOptions(over, as, o.integer("-n", processors, 1, 64), out, o.has("--unordered"),
                o.integer("--chunksize", 0, 1, 1_000_000), o.seconds("--timeout"), o.integer("--retries", 0, 0, 100),
                onError.equals("collect"), o.javaHome("--java"));
    }
}
