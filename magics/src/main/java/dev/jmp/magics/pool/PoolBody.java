package dev.jmp.magics.pool;

/**
 * The snippets a {@code %%pool} cell becomes in the notebook's JShell. Generic helper methods,
 * defined once per kernel, let javac infer the types: the item variable gets the items' element
 * type, and the results list the body's return type.
 *
 * <ol>
 *   <li>{@code var $jmpPoolItemsK = $jmpItems(EXPR);} turns any Iterable, array or stream into a
 *       {@code List<T>};</li>
 *   <li>{@code var $jmpPoolK = $jmpFn($jmpPoolItemsK, (NAME) -> { if (true) { BODY } return null; });}
 *       is the serializable function (line k + 1 is body line k, as in the cell);</li>
 *   <li>{@code var VAR = $jmpResults($jmpPoolK, RESULTS);} binds the results as {@code List<R>}.</li>
 * </ol>
 *
 * <p>K numbers the runs of a kernel. The results' declaration depends on its run's function, and
 * JShell re-types and resets every dependant of a declaration that is replaced: with one name
 * shared by all runs, the next {@code %%pool} cell would wipe out the results of the previous
 * one, or, when its {@code --over} reads them, leave its own items undefined (a cycle).
 */
final class PoolBody {

    static final String ITEMS = "$jmpPoolItems";
    static final String FUNCTION = "$jmpPool";

    /** The helper methods, evaluated once when the kernel starts. */
    static final String HELPERS = """
            <T> java.util.List<T> $jmpItems(Iterable<T> items) {
                java.util.List<T> list = new java.util.ArrayList<>();
                items.forEach(list::add);
                return list;
            }
            <T> java.util.List<T> $jmpItems(T[] items) { return java.util.Arrays.asList(items); }
            java.util.List<Integer> $jmpItems(int[] items) { return java.util.Arrays.stream(items).boxed().toList(); }
            java.util.List<Long> $jmpItems(long[] items) { return java.util.Arrays.stream(items).boxed().toList(); }
            java.util.List<Double> $jmpItems(double[] items) { return java.util.Arrays.stream(items).boxed().toList(); }
            <T> java.util.List<T> $jmpItems(java.util.stream.Stream<T> items) { return items.toList(); }
            java.util.List<Integer> $jmpItems(java.util.stream.IntStream items) { return items.boxed().toList(); }
            java.util.List<Long> $jmpItems(java.util.stream.LongStream items) { return items.boxed().toList(); }
            java.util.List<Double> $jmpItems(java.util.stream.DoubleStream items) { return items.boxed().toList(); }
            <T, R> dev.jmp.SerialFunction<T, R> $jmpFn(java.util.List<T> items, dev.jmp.SerialFunction<T, R> fn) {
                return fn;
            }
            @SuppressWarnings("unchecked")
            <T, R> java.util.List<R> $jmpResults(dev.jmp.SerialFunction<T, R> fn, java.util.List<?> results) {
                return (java.util.List<R>) results;
            }
            """;

    private PoolBody() {
    }

    /**
     * The items snippet: one line, standing for the {@code %%pool} line.
     *
     * @param run  the run's number in this kernel
     * @param over the expression
     * @return the source
     */
    static String items(int run, String over) {
        return "var " + ITEMS + run + " = $jmpItems(" + over + ");";
    }

    /**
     * The function snippet.
     *
     * @param run  the run's number in this kernel
     * @param as   the item's variable
     * @param body the cell body
     * @return the source, body lines aligned with the cell's
     */
    static String function(int run, String as, String body) {
        return "var " + FUNCTION + run + " = $jmpFn(" + ITEMS + run + ", (" + as + ") -> { if (true) {\n" + body
                + (body.endsWith("\n") ? "" : "\n") + "} return null; });";
    }

    /**
     * The binding snippet.
     *
     * @param run     the run's number in this kernel
     * @param out     the variable
     * @param results an expression evaluating to the results list
     * @return the source
     */
    static String bind(int run, String out, String results) {
        return "var " + out + " = $jmpResults(" + FUNCTION + run + ", " + results + ");";
    }

    /**
     * The snippet that lets a finished run's items be collected (its declarations must stay, since
     * the results' type refers to them, but the list need not).
     *
     * @param run the run's number in this kernel
     * @return the source
     */
    static String release(int run) {
        return ITEMS + run + " = null;";
    }
}
