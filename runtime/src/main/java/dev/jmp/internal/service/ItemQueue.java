package dev.jmp.internal.service;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A FIFO of encoded items, bounded or not, with the calls parked for an item (getters) or for
 * room (putters): the one blocking queue behind the queue service's queues and pipes and the
 * manager's queues. Items stay encoded, so the owner never deserializes what passes through.
 * An item goes to the longest-waiting getter still there; a getter that is gone when answered
 * leaves the item for the next one. Not thread-safe: every method runs under the owner's
 * monitor, the one given here for timeouts and withdrawals.
 */
public final class ItemQueue {

    private final long capacity;
    private final Object okReply;
    private final Object monitor;
    private final ParkedCall.Timeouts timeouts;
    private final Runnable onAccept;
    private final Deque<byte[]> items = new ArrayDeque<>();
    private final Deque<Putter> putters = new ArrayDeque<>();
    private final Deque<ParkedCall> getters = new ArrayDeque<>();

    /** A putter parked with its item. */
    private static final class Putter extends ParkedCall {
        final byte[] item;

        Putter(ServiceCall call, byte[] item) {
            super(call);
            this.item = item;
        }
    }

    /**
     * @param capacity the most items held ({@code Long.MAX_VALUE}: unbounded)
     * @param okReply  the result a getter's item and an admitted putter are answered with
     * @param monitor  the owner's monitor, taken by timeouts and withdrawals
     * @param timeouts schedules the timeouts of parked calls
     * @param onAccept runs for every item the queue accepts (stored or handed to a getter)
     */
    public ItemQueue(long capacity, Object okReply, Object monitor, ParkedCall.Timeouts timeouts,
                     Runnable onAccept) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        this.okReply = okReply;
        this.monitor = monitor;
        this.timeouts = timeouts;
        this.onAccept = onAccept;
    }

    /** @return the items held */
    public int size() {
        return items.size();
    }

    /** @return whether there is an item to get */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** @return whether a put must wait */
    public boolean full() {
        return items.size() >= capacity;
    }

    /**
     * Accepts an item if there is room: hands it to the first getter still there, or stores it.
     *
     * @return false, accepting nothing, when the queue is full
     */
    public boolean offer(byte[] item) {
        if (full()) {
            return false;
        }
        accept(item);
        return true;
    }

    private void accept(byte[] item) {
        onAccept.run();
        while (!getters.isEmpty()) {
            if (getters.poll().reply(okReply, List.of(item))) {
                return;
            }
        }
        items.add(item);
    }

    /**
     * Answers a get with the head item, if there is one, then admits parked putters to the room.
     *
     * @return false, answering nothing, when the queue is empty
     */
    public boolean take(ServiceCall call) {
        if (items.isEmpty()) {
            return false;
        }
        byte[] item = items.poll();
        if (!call.reply(okReply, List.of(item))) {
            items.addFirst(item); // the caller is gone: the item stays for the next one
            return true;
        }
        while (!putters.isEmpty() && !full()) {
            Putter p = putters.poll();
            if (p.reply(okReply, null)) {
                accept(p.item);
            }
        }
        return true;
    }

    /** Parks a get until an item comes; {@code onTimeout} answers it if none comes in time. */
    public void parkGetter(ServiceCall call, long timeoutMillis, Consumer<ParkedCall> onTimeout) {
        ParkedCall.park(new ParkedCall(call), getters, monitor, timeouts, timeoutMillis, onTimeout, null);
    }

    /** Parks a put of {@code item} until there is room; {@code onTimeout} answers it if none comes. */
    public void parkPutter(ServiceCall call, byte[] item, long timeoutMillis, Consumer<ParkedCall> onTimeout) {
        ParkedCall.park(new Putter(call, item), putters, monitor, timeouts, timeoutMillis, onTimeout, null);
    }

    /** Fails every parked get (a pipe's writer closed). */
    public void failGetters(Throwable why) {
        ParkedCall.failAll(getters, why);
    }

    /** Fails every parked get and put (the owner closed). */
    public void failAll(Throwable why) {
        ParkedCall.failAll(getters, why);
        ParkedCall.failAll(putters, why);
    }
}
