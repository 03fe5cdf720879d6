package dev.jmp.magics.pool;

/**
 * The snippet a {@code %%pool} cell becomes in the notebook's JShell. Generic helper methods,
 * defined once per kernel, let javac infer the types: the item variable gets the items' element
 * type, and the results list the body's return type:
 * {@code var VAR = $jmpPoolJob($jmpItems(EXPR), (NAME) -> { if (true) { BODY } return null; });}
 * where line k + 1 is body line k, as in the cell. {@code $jmpItems} turns any Iterable, array or
 * stream into a {@code List<T>}; {@code $jmpPoolJob} returns the {@link PoolResults} that the
 * magic fills.
 */
final class PoolBody {

    static final String ITEMS = "$jmpItems";
    static final String JOB = "$jmpPoolJob";

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
            <T, R> java.util.List<R> $jmpPoolJob(java.util.List<T> items, dev.jmp.function.SerialFunction<T, R> fn) {
                return new dev.jmp.magics.pool.PoolResults<R>(items, fn);
            }
            """;

    private PoolBody() {
    }

    /**
     * The cell's snippet.
     *
     * @param out  the results variable
     * @param over the items expression (on line 1, standing for the {@code %%pool} line)
     * @param as   the item's variable
     * @param body the cell body
     * @return the source, body lines aligned with the cell's
     */
    static String job(String out, String over, String as, String body) {
        return "var " + out + " = " + JOB + "(" + ITEMS + "(" + over + "), (" + as + ") -> { if (true) {\n" + body
                + (body.endsWith("\n") ? "" : "\n") + "} return null; });";
    }
}
