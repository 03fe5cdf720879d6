package dev.jmp;

import dev.jmp.internal.service.QueueOp;
import dev.jmp.error.QueueEmptyException;
import dev.jmp.error.QueueFullException;
import dev.jmp.internal.service.QueueCalls;
import java.io.Serializable;
import java.time.Duration;

/**
 * A first-in first-out queue shared by processes, like Python's {@code multiprocessing.Queue}.
 * It lives in the parent; pass it to workers as an argument or capture it in a task, and every
 * process (parent and workers, child to child) puts and gets through it. Items must be
 * serializable. A bounded queue blocks {@code put} while full; timeouts end in
 * {@link QueueFullException} or {@link QueueEmptyException}.
 *
 * <p>It also answers to the names of {@link java.util.concurrent.BlockingQueue} that
 * {@link dev.jmp.shared.SharedQueue} uses: {@link #take()}, {@link #offer}, {@link #poll()},
 * {@link #size()}, {@link #isEmpty()}, so code moves between the two queues unchanged. Like the
 * rest of this class they throw no checked exception (an interrupted wait is a
 * {@link dev.jmp.error.WaitInterruptedException}); {@code offer} and {@code poll} answer
 * {@code false} and {@code null} where {@code putNowait} and {@code getNowait} throw.
 *
 * @param <E> the item type
 */
public class Queue<E> implements Serializable {

    private static final long serialVersionUID = 1L;
    private final long id;
    private final int maxsize;
    // Not sent along: the receiving process finds its own way to the queue service (QueueHome).
    private transient volatile QueueCalls calls;

    /** An unbounded queue. */
    public Queue() {
        this(0);
    }

    /**
     * A queue holding at most {@code maxsize} items ({@code <= 0}: unbounded).
     */
    public Queue(int maxsize) {
        this(maxsize, false);
    }

    /**
     * A queue of {@code runtime}, holding at most {@code maxsize} items ({@code <= 0}: unbounded):
     * it lives in that runtime's process and serves its workers.
     */
    public Queue(JmpRuntime runtime, int maxsize) {
        this(QueueHome.of(runtime), maxsize, false);
    }

    Queue(int maxsize, boolean joinable) {
        this(QueueHome.here(), maxsize, joinable);
    }

    Queue(QueueCalls calls, int maxsize, boolean joinable) {
        this.calls = calls;
        this.maxsize = Math.max(0, maxsize);
        this.id = calls.create(this.maxsize, joinable);
    }

    /** Its calls: those it was made with, or, where it was received, this process's way to the queue service. */
    QueueCalls calls() {
        QueueCalls c = calls;
        if (c == null) {
            c = QueueHome.here();
            calls = c;
        }
        return c;
    }

    long id() {
        return id;
    }

    /** Puts an item, waiting for room if the queue is bounded and full. */
    public void put(E item) {
        calls().put(id, item, -1, maxsize == 0);
    }

    /**
     * Puts an item, waiting at most {@code timeout} for room.
     *
     * @throws QueueFullException if the queue stayed full
     */
    public void put(E item, Duration timeout) {
        calls().put(id, item, QueueCalls.millis(timeout), false);
    }

    /**
     * Puts an item if there is room now.
     *
     * @throws QueueFullException if the queue is full
     */
    public void putNowait(E item) {
        calls().put(id, item, 0, false);
    }

    /** Takes the next item, waiting for one. */
    public E get() {
        return calls().get(id, -1);
    }

    /**
     * Takes the next item, waiting at most {@code timeout}.
     *
     * @throws QueueEmptyException if none came in time
     */
    public E get(Duration timeout) {
        return calls().get(id, QueueCalls.millis(timeout));
    }

    /**
     * Takes the next item if there is one now.
     *
     * @throws QueueEmptyException if the queue is empty
     */
    public E getNowait() {
        return calls().get(id, 0);
    }

    /** The number of items now (approximate, as in Python: others may change it at once). */
    public int qsize() {
        return (int) calls().number(QueueOp.SIZE, id, 0);
    }

    /** Whether the queue is empty now (approximate). */
    public boolean empty() {
        return qsize() == 0;
    }

    /** Whether the queue is full now (approximate). */
    public boolean full() {
        return maxsize > 0 && qsize() >= maxsize;
    }

    /** The bound, or 0 for unbounded. */
    public int maxsize() {
        return maxsize;
    }

    // ---- the names of java.util.concurrent.BlockingQueue (SharedQueue's) ---------------------

    /** Takes the next item, waiting for one; the same as {@link #get()}. */
    public E take() {
        return get();
    }

    /** Puts an item if there is room now; returns whether it did. */
    public boolean offer(E item) {
        try {
            putNowait(item);
            return true;
        } catch (QueueFullException e) {
            return false;
        }
    }

    /** Puts an item, waiting at most {@code timeout} for room; returns whether it did. */
    public boolean offer(E item, Duration timeout) {
        try {
            put(item, timeout);
            return true;
        } catch (QueueFullException e) {
            return false;
        }
    }

    /** Takes the next item if there is one now, or returns {@code null}. */
    public E poll() {
        try {
            return getNowait();
        } catch (QueueEmptyException e) {
            return null;
        }
    }

    /** Takes the next item, waiting at most {@code timeout}; {@code null} if none came. */
    public E poll(Duration timeout) {
        try {
            return get(timeout);
        } catch (QueueEmptyException e) {
            return null;
        }
    }

    /** The number of items now; the same as {@link #qsize()}. */
    public int size() {
        return qsize();
    }

    /** Whether the queue is empty now; the same as {@link #empty()}. */
    public boolean isEmpty() {
        return empty();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + id + (maxsize > 0 ? ", maxsize=" + maxsize : "") + "]";
    }
}
