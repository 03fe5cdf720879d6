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
    private final long id = QueueCalls.create(0, false);

    /** Puts an item (never blocks). */
    public void put(E item) {
        QueueCalls.put(id, item, -1, true);
    }

    /** Takes the next item, waiting for one. */
    public E get() {
        return QueueCalls.get(id, -1);
    }

    /** Whether the queue is empty now (approximate). */
    public boolean empty() {
        return QueueCalls.number(QueueOp.SIZE, id, 0) == 0;
    }
}
