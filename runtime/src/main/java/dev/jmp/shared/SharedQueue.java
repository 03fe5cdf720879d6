package dev.jmp.shared;

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
 * @param <E> the item type
 */
public final class SharedQueue<E> extends SharedProxy {

    private static final long serialVersionUID = 1L;

    SharedQueue(String manager, long id, String name) {
        super(manager, id, name);
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

    @Override
    public String toString() {
        return "<SharedQueue " + describe() + " size=" + size() + ">";
    }
}
