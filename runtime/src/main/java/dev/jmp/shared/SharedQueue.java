package dev.jmp.shared;

import dev.jmp.error.QueueEmptyException;
import dev.jmp.error.QueueFullException;
import dev.jmp.error.WaitInterruptedException;
import dev.jmp.internal.manager.ManagerCalls;
import dev.jmp.internal.manager.ManagerOp;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A FIFO queue held by a {@link Manager}, like Python's {@code Manager().Queue(maxsize)}, with
 * the method names of {@link java.util.concurrent.BlockingQueue}. Usable from any process,
 * pool workers included: pass the proxy to the task. Items are copied in and out; {@code null}
 * items are refused.
 *
 * <p>It also answers to the names of {@link dev.jmp.Queue} (Python's): {@link #get()},
 * {@link #getNowait()}, {@link #putNowait}, {@link #qsize()}, {@link #empty()}, {@link #full()},
 * so code moves between the two queues unchanged. Those names behave as {@code dev.jmp.Queue}'s
 * do: they throw no checked exception (an interrupted wait is a {@link WaitInterruptedException}),
 * and a timed or immediate one that cannot proceed throws {@link QueueEmptyException} or
 * {@link QueueFullException} instead of returning {@code null} or {@code false}.
 *
 * @param <E> the item type
 */
public final class SharedQueue<E> extends SharedProxy {

    private static final long serialVersionUID = 1L;

    private final int maxsize;

    SharedQueue(String manager, long id, String name, int maxsize) {
        super(manager, id, name);
        this.maxsize = maxsize;
    }

    private List<byte[]> item(E e) {
        return List.of(ManagerCalls.encode(Objects.requireNonNull(e, "a shared queue holds no null items"),
                "the queued item"));
    }

    /** Adds an item, waiting for room if the queue is full. */
    public void put(E e) throws InterruptedException {
        ManagerCalls.await(ManagerOp.QUEUE_PUT, req(), item(e));
    }

    /** Adds an item if there is room now; returns whether it did. */
    public boolean offer(E e) {
        return ManagerCalls.call(ManagerOp.QUEUE_PUT, req().with(0, 0, 0), item(e)).reply().b();
    }

    /** Adds an item, waiting at most {@code timeout} for room; returns whether it did. */
    public boolean offer(E e, Duration timeout) throws InterruptedException {
        return ManagerCalls.await(ManagerOp.QUEUE_PUT, req().with(0, millis(timeout), 0), item(e)).reply().b();
    }

    /** Removes the first item, waiting for one. */
    @SuppressWarnings("unchecked")
    public E take() throws InterruptedException {
        return (E) ManagerCalls.await(ManagerOp.QUEUE_TAKE, req(), List.of()).value(0);
    }

    /** Removes the first item if there is one now, or returns {@code null}. */
    @SuppressWarnings("unchecked")
    public E poll() {
        ManagerCalls.Result r = ManagerCalls.call(ManagerOp.QUEUE_TAKE, req().with(0, 0, 0), List.of());
        return r.reply().b() ? (E) r.value(0) : null;
    }

    /** Removes the first item, waiting at most {@code timeout}; {@code null} if none came. */
    @SuppressWarnings("unchecked")
    public E poll(Duration timeout) throws InterruptedException {
        ManagerCalls.Result r = ManagerCalls.await(ManagerOp.QUEUE_TAKE, req().with(0, millis(timeout), 0), List.of());
        return r.reply().b() ? (E) r.value(0) : null;
    }

    /** The number of items now. */
    public int size() {
        return (int) call(ManagerOp.QUEUE_SIZE).reply().v();
    }

    /** Whether the queue is empty now. */
    public boolean isEmpty() {
        return size() == 0;
    }

    // ---- the names of dev.jmp.Queue (Python's) ------------------------------------------------

    /** Removes the first item, waiting for one; {@link #take()} without the checked exception. */
    public E get() {
        try {
            return take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitInterruptedException("get on " + describe(), e);
        }
    }

    /**
     * Removes the first item, waiting at most {@code timeout}.
     *
     * @throws QueueEmptyException if none came in time
     */
    public E get(Duration timeout) {
        ManagerCalls.Result r;
        try {
            r = ManagerCalls.await(ManagerOp.QUEUE_TAKE, req().with(0, millis(timeout), 0), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitInterruptedException("get on " + describe(), e);
        }
        return taken(r, "no item came within " + timeout);
    }

    /**
     * Removes the first item if there is one now.
     *
     * @throws QueueEmptyException if the queue is empty
     */
    public E getNowait() {
        return taken(ManagerCalls.call(ManagerOp.QUEUE_TAKE, req().with(0, 0, 0), List.of()), "it is empty");
    }

    @SuppressWarnings("unchecked")
    private E taken(ManagerCalls.Result r, String why) {
        if (!r.reply().b()) {
            throw new QueueEmptyException("no item in " + describe() + ": " + why);
        }
        return (E) r.value(0);
    }

    /**
     * Adds an item, waiting at most {@code timeout} for room.
     *
     * @throws QueueFullException if the queue stayed full
     */
    public void put(E e, Duration timeout) {
        boolean done;
        try {
            done = offer(e, timeout);
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new WaitInterruptedException("put on " + describe(), x);
        }
        if (!done) {
            throw new QueueFullException("no room in " + describe() + " within " + timeout);
        }
    }

    /**
     * Adds an item if there is room now.
     *
     * @throws QueueFullException if the queue is full
     */
    public void putNowait(E e) {
        if (!offer(e)) {
            throw new QueueFullException(describe() + " is full (" + maxsize + " items)");
        }
    }

    /** The number of items now; the same as {@link #size()}. */
    public int qsize() {
        return size();
    }

    /** Whether the queue is empty now; the same as {@link #isEmpty()}. */
    public boolean empty() {
        return isEmpty();
    }

    /** Whether the queue is bounded and full now. */
    public boolean full() {
        return maxsize > 0 && size() >= maxsize;
    }

    /** The bound, or 0 for unbounded. */
    public int maxsize() {
        return maxsize;
    }

    @Override
    public String toString() {
        return "<SharedQueue " + describe() + " size=" + size() + ">";
    }
}
