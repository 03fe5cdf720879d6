package dev.jmp.magics.pool;

/**
 * The snippet a {@code %%pool} cell becomes in the notebook's JShell. Generic helper methods,
 * defined once per kernel, let javac infer the types: the item variable gets the items' element
 * type, and the results list the body's return type:
 * {@code var VAR = $jmpPoolJob($jmpItems(EXPR), (NAME) -> { if (true) { BODY } return null; });}
 * where line k + 1 is body line k, as in the cell. {@code $jmpItems} wraps any Iterable, array or
 * stream in {@link PoolItems} without reading it (the run reads the items lazily);
 * {@code $jmpPoolJob} returns the {@link PoolResults} that the magic fills.
 */
final class PoolBody {

    static final String ITEMS = "$jmpItems";
    static final String JOB = "$jmpPoolJob";

    /** The helper methods, evaluated once when the kernel starts. */
    static final String HELPERS = """
            <T> dev.jmp.magics.pool.PoolItems<T> $jmpItems(Iterable<T> items) { return dev.jmp.magics.pool.PoolItems.of(items); }
            <T> dev.jmp.magics.pool.PoolItems<T> $jmpItems(T[] items) {
                return dev.jmp.magics.pool.PoolItems.of(items == null ? null : java.util.Arrays.asList(items));
            }
            dev.jmp.magics.pool.PoolItems<Integer> $jmpItems(int[] items) {
                return dev.jmp.magics.pool.PoolItems.of(items == null ? null : java.util.Arrays.stream(items).boxed());
            }
            dev.jmp.magics.pool.PoolItems<Long> $jmpItems(long[] items) {
                return dev.jmp.magics.pool.PoolItems.of(items == null ? null : java.util.Arrays.stream(items).boxed());
            }
            dev.jmp.magics.pool.PoolItems<Double> $jmpItems(double[] items) {
                return dev.jmp.magics.pool.PoolItems.of(items == null ? null : java.util.Arrays.stream(items).boxed());
            }
            <T> dev.jmp.magics.pool.PoolItems<T> $jmpItems(java.util.stream.Stream<T> items) { return dev.jmp.magics.pool.PoolItems.of(items); }
            dev.jmp.magics.pool.PoolItems<Integer> $jmpItems(java.util.stream.IntStream items) {
                return dev.jmp.magics.pool.PoolItems.of(items == null ? null : items.boxed());
            }
            dev.jmp.magics.pool.PoolItems<Long> $jmpItems(java.util.stream.LongStream items) {
                return dev.jmp.magics.pool.PoolItems.of(items == null ? null : items.boxed());
            }
            dev.jmp.magics.pool.PoolItems<Double> $jmpItems(java.util.stream.DoubleStream items) {
                return dev.jmp.magics.pool.PoolItems.of(items == null ? null : items.boxed());
            }
            <T, R> java.util.List<R> $jmpPoolJob(dev.jmp.magics.pool.PoolItems<T> items, dev.jmp.function.SerialFunction<T, R> fn) {
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
