package dev.jmp;

import dev.jmp.internal.service.QueueOp;
import dev.jmp.internal.service.QueueCalls;
import java.io.Serializable;

/**
 * An unbounded queue shared by processes with only {@code put}, {@code get} and {@code empty},
 * like Python's {@code SimpleQueue}.
 *
 * @param <E> the item type
 */
public class SimpleQueue<E> implements Serializable {

    private static final long serialVersionUID = 1L;
    private final long id;
    // Not sent along: the receiving process finds its own way to the queue service (QueueHome).
    private transient volatile QueueCalls calls;

    /** A queue of the default runtime (in a worker: of its parent). */
    public SimpleQueue() {
        this(QueueHome.here());
    }

    /** A queue of {@code runtime}: it lives in that runtime's process and serves its workers. */
    public SimpleQueue(JmpRuntime runtime) {
        this(QueueHome.of(runtime));
    }

    private SimpleQueue(QueueCalls calls) {
        this.calls = calls;
        this.id = calls.create(0, false);
    }

    private QueueCalls calls() {
        QueueCalls c = calls;
        if (c == null) {
            c = QueueHome.here();
            calls = c;
        }
        return c;
    }

    /** Puts an item (never blocks). */
    public void put(E item) {
        calls().put(id, item, -1, true);
    }

    /** Takes the next item, waiting for one. */
    public E get() {
        return calls().get(id, -1);
    }

    /** Whether the queue is empty now (approximate). */
    public boolean empty() {
        return calls().number(QueueOp.SIZE, id, 0) == 0;
    }
}
