package dev.jmp.internal.pool;

import dev.jmp.internal.serial.ItemBuffer;
import dev.jmp.internal.serial.PackedItems;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A job's items, already encoded (into one {@link ItemBuffer}, no array per item): all known at
 * once (map, apply) or fed later from a lazy iterable (imap). Only the scheduler takes items,
 * under its lock; the feeder adds under this object's lock.
 */
public final class ItemSource {

    private final ItemBuffer items = new ItemBuffer();
    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    private boolean complete;
    private long fed;
    private boolean starved;

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

    /** A source fed later with {@link #add}. */
    public static ItemSource lazy() {
        return new ItemSource();
    }

    /** Adds an encoded item. */
    public synchronized void add(byte[] item) {
        items.addEncoded(item);
        fed++;
    }

    /**
     * Encodes and adds the next item.
     *
     * @return whether the scheduler found nothing to take last time it looked (poke it then)
     * @throws dev.jmp.error.SerializationException if it cannot be serialized (nothing is added)
     */
    public synchronized boolean addValue(Object item) {
        items.add(item, fed);
        fed++;
        boolean s = starved;
        starved = false;
        return s;
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
    }
}
