package dev.jmp;

import dev.jmp.internal.service.QueueOp;

/**
 * A {@link Queue} whose consumers report each item done with {@link #taskDone()}, so a producer
 * can {@link #join()} until everything put was processed, like Python's {@code JoinableQueue}.
 *
 * @param <E> the item type
 */
public class JoinableQueue<E> extends Queue<E> {

    private static final long serialVersionUID = 1L;

    /** An unbounded joinable queue. */
    public JoinableQueue() {
        this(0);
    }

    /** A joinable queue holding at most {@code maxsize} items. */
    public JoinableQueue(int maxsize) {
        super(maxsize, true);
    }

    /** A joinable queue of {@code runtime} holding at most {@code maxsize} items ({@code <= 0}: unbounded). */
    public JoinableQueue(JmpRuntime runtime, int maxsize) {
        super(QueueHome.of(runtime), maxsize, true);
    }

    /**
     * Marks one item taken with {@code get} as processed.
     *
     * @throws IllegalStateException if called more times than items were put
     */
    public void taskDone() {
        calls().call(QueueOp.TASK_DONE, new dev.jmp.internal.service.QueueService.Op(id(), 0), java.util.List.of());
    }

    /** Waits until every item put has been marked done. */
    public void join() {
        calls().call(QueueOp.JOIN, new dev.jmp.internal.service.QueueService.Op(id(), -1), java.util.List.of());
    }
}
