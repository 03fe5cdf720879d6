package dev.jmp.internal.pool;

import dev.jmp.internal.serial.ItemBuffer;
import dev.jmp.internal.serial.PackedItems;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A job's items, already encoded (into one {@link ItemBuffer}, no array per item): all known at
 * once (map, apply) or fed later from a lazy iterable (imap) by {@link #addValue}. Only the
 * scheduler takes items, under its lock; the feeder adds under this object's lock.
 */
public final class ItemSource {

    private final ItemBuffer items = new ItemBuffer();
    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    private boolean complete;
    private long fed;
    private boolean starved;
    private int wanted;
    private final int window;

    private ItemSource(int window) {
        this.window = window;
    }

    private ItemSource() {
        this(Integer.MAX_VALUE);
    }

    /** A source of items known at once, each already encoded by {@code Values}. */
    public static ItemSource of(List<byte[]> all) {
        ItemSource s = new ItemSource();
        for (byte[] b : all) {
            s.items.addEncoded(b);
        }
        s.fed = all.size();
        s.complete = true;
        return s;
    }

    /** A source of items known at once, encoded here (a failure names {@code items[i]}). */
    public static ItemSource encode(Iterable<?> all) {
        ItemSource s = new ItemSource();
        for (Object item : all) {
            s.items.add(item, s.fed++);
        }
        s.complete = true;
        return s;
    }

    /**
     * A source fed later by a feeder that stays at most {@code window} items ahead of what is
     * consumed: chunks are kept small enough that several fit in the window.
     */
    public static ItemSource lazy(int window) {
        return new ItemSource(window);
    }

    /** Encoded bytes a lazy feeder may buffer before it waits for the scheduler to take some. */
    static final int MAX_BUFFERED_BYTES = 32 << 20;

    /**
     * Encodes and adds the next item.
     *
     * @return whether the scheduler found nothing to take last time it looked (poke it then)
     * @throws dev.jmp.error.SerializationException if it cannot be serialized (nothing is added)
     */
    public synchronized boolean addValue(Object item) throws InterruptedException {
        while (items.bytes() > MAX_BUFFERED_BYTES && !complete) {
            wait();
        }
        items.add(item, fed);
        fed++;
        boolean s = starved || (wanted > 0 && items.size() >= wanted);
        if (s) {
            starved = false;
            wanted = 0;
        }
        return s;
    }

    /**
     * The scheduler would rather wait for {@code k} items than send fewer now (its workers are
     * busy): the feeder pokes it once they are there.
     */
    synchronized void want(int k) {
        wanted = k;
    }

    /** The largest chunk that leaves room in the feeder's window for several in flight. */
    int chunkCap(int workers) {
        return window == Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(1, window / (4 * workers));
    }

    /** Adds an item that failed before it could be sent (it could not be serialized). */
    public synchronized void addFailed(RuntimeException error) {
        items.addFailed();
        failures.add(error);
        fed++;
    }

    /** Removes and returns the head if it is a failed item, else {@code null}. */
    synchronized RuntimeException pollFailed() {
        if (items.failedAtHead()) {
            items.dropFailed();
            return failures.poll();
        }
        return null;
    }

    public synchronized void finish() {
        complete = true;
    }

    /** Takes up to {@code k} items (fewer past the chunk byte cap or a failed item). */
    synchronized PackedItems take(int k) {
        PackedItems p = items.take(k);
        starved = p.isEmpty() && !complete;
        notifyAll(); // a feeder waiting for room
        return p;
    }

    /** Items not taken yet. */
    synchronized int available() {
        return items.size();
    }

    /** Whether no more items will come and none are left. */
    synchronized boolean exhausted() {
        return complete && items.size() == 0;
    }

    /** Whether the total is known. */
    synchronized boolean complete() {
        return complete;
    }

    /** Items fed so far: the number of items of a source made with {@link #of} or {@link #encode}. */
    public synchronized long total() {
        return fed;
    }

    /** Items fed so far (the total once complete). */
    synchronized long fed() {
        return fed;
    }

    synchronized void clear() {
        items.clear();
        failures.clear();
        complete = true;
        notifyAll();
    }
}
