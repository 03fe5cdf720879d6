package dev.jmp.internal.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A job's items, already encoded: all known at once (map, apply) or fed one by one from a lazy
 * iterable (imap). Only the scheduler takes items, under its lock.
 */
public final class ItemSource {

    private final Deque<Object> items = new ArrayDeque<>();
    private boolean complete;
    private long fed;

    /** A source of items known at once. */
    public static ItemSource of(List<byte[]> all) {
        return of((java.util.Collection<byte[]>) all);
    }

    private static ItemSource of(java.util.Collection<byte[]> all) {
        ItemSource s = new ItemSource();
        s.items.addAll(all);
        s.fed = all.size();
        s.complete = true;
        return s;
    }

    /** A source fed later with {@link #add}. */
    public static ItemSource lazy() {
        return new ItemSource();
    }

    public synchronized void add(byte[] item) {
        items.add(item);
        fed++;
    }

    /** Adds an item that failed before it could be sent (it could not be serialized). */
    public synchronized void addFailed(RuntimeException error) {
        items.add(error);
        fed++;
    }

    /** Removes and returns the head if it is a failed item, else {@code null}. */
    synchronized RuntimeException pollFailed() {
        if (items.peek() instanceof RuntimeException e) {
            items.poll();
            return e;
        }
        return null;
    }

    public synchronized void finish() {
        complete = true;
    }

    /** Takes up to {@code k} items. */
    synchronized List<byte[]> take(int k) {
        List<byte[]> out = new ArrayList<>(Math.min(k, items.size()));
        while (out.size() < k && items.peek() instanceof byte[] b) {
            items.poll();
            out.add(b);
        }
        return out;
    }

    /** Items not taken yet. */
    synchronized int available() {
        return items.size();
    }

    /** Whether no more items will come and none are left. */
    synchronized boolean exhausted() {
        return complete && items.isEmpty();
    }

    /** Whether the total is known. */
    synchronized boolean complete() {
        return complete;
    }

    /** Items fed so far (the total once complete). */
    synchronized long fed() {
        return fed;
    }

    synchronized void clear() {
        items.clear();
        complete = true;
    }
}
