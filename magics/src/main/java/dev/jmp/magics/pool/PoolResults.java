package dev.jmp.magics.pool;

import dev.jmp.function.SerialFunction;

import java.io.Serial;
import java.util.ArrayList;
import java.util.List;

/**
 * The results variable of a {@code %%pool} cell: a list, typed by javac in the cell's one
 * snippet ({@code var VAR = $jmpPoolJob($jmpItems(EXPR), (NAME) -> {...});}), that carries the
 * items and the function to the magic and is filled with the results when the run ends. One
 * snippet per cell instead of three: JShell compiles once, and no helper variable links the
 * results of one cell to the next (a replaced variable makes JShell recompile every snippet
 * that uses it). It travels to workers as a plain {@link ArrayList}.
 *
 * @param <R> the body's result type
 */
public final class PoolResults<R> extends ArrayList<R> {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient PoolItems<?> items;
    private final transient SerialFunction<?, ?> fn;

    /**
     * Holds a cell's work until the magic runs it.
     *
     * @param items the items of {@code --over}
     * @param fn    the body
     */
    public PoolResults(PoolItems<?> items, SerialFunction<?, ?> fn) {
        this.items = items;
        this.fn = fn;
    }

    PoolItems<?> items() {
        return items;
    }

    /**
     * How many items {@code --over} has, before the run.
     *
     * @return the number, or -1 when the source does not know it
     */
    public long itemCount() {
        return items == null ? -1 : items.size();
    }

    @SuppressWarnings("unchecked")
    SerialFunction<Object, Object> function() {
        return (SerialFunction<Object, Object>) fn;
    }

    @SuppressWarnings("unchecked")
    void fill(List<?> results) {
        clear();
        addAll((List<R>) results);
    }

    /**
     * Serializes as a plain list: workers do not have the magics' classes.
     *
     * @return an {@link ArrayList} with the same elements
     */
    @Serial
    private Object writeReplace() {
        return new ArrayList<>(this);
    }
}
