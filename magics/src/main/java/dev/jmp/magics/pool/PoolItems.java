package dev.jmp.magics.pool;

import java.util.Collection;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;

/**
 * The items of a {@code %%pool --over} expression, not yet read: the run takes them one by one
 * as its workers need them (with a bounded window ahead), so an endless or huge source never
 * becomes a list, and {@code --timeout} covers producing them. The number of items is known
 * for collections, arrays and sized streams ({@code IntStream.range}, {@code list.stream()}),
 * which gives the progress display its exact total.
 *
 * @param <T> the item type
 */
public final class PoolItems<T> {

    private final Iterable<T> source;
    private final long size;
    private final Runnable close;
    private boolean taken;

    private PoolItems(Iterable<T> source, long size, Runnable close) {
        this.source = source;
        this.size = size;
        this.close = close;
    }

    /**
     * Items of an iterable, read when the run starts.
     *
     * @param items the iterable
     * @param <T>   the item type
     * @return the items; their number is known for a collection
     * @throws IllegalArgumentException if {@code items} is null
     */
    public static <T> PoolItems<T> of(Iterable<T> items) {
        if (items == null) {
            throw new IllegalArgumentException("it is null; it must be an Iterable, an array or a stream");
        }
        return new PoolItems<>(items, items instanceof Collection<?> c ? c.size() : -1, () -> { });
    }

    /**
     * Items of a stream, read when the run starts; the stream is closed when the run ends.
     *
     * @param items the stream
     * @param <T>   the item type
     * @return the items; their number is known for a sized stream
     * @throws IllegalArgumentException if {@code items} is null
     */
    public static <T> PoolItems<T> of(Stream<T> items) {
        if (items == null) {
            throw new IllegalArgumentException("it is null; it must be an Iterable, an array or a stream");
        }
        Spliterator<T> split = items.spliterator();
        Iterator<T> it = Spliterators.iterator(split);
        return new PoolItems<>(() -> it, split.getExactSizeIfKnown(), items::close);
    }

    /**
     * How many items there are.
     *
     * @return the number, or -1 when the source does not know it (an iterator, an unsized stream)
     */
    long size() {
        return size;
    }

    /** The items, for the one run that reads them. */
    synchronized Iterator<T> iterator() {
        if (taken) {
            throw new IllegalStateException("the items of --over were already read");
        }
        taken = true;
        return source.iterator();
    }

    /** Releases the source (closes a stream). */
    void close() {
        close.run();
    }
}
