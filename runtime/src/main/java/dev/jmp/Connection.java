package dev.jmp;

import dev.jmp.internal.service.QueueOp;
import dev.jmp.error.PipeClosedException;
import dev.jmp.error.QueueEmptyException;
import dev.jmp.internal.service.QueueCalls;
import java.io.Serializable;
import java.time.Duration;

/**
 * One end of a {@link Pipe}: send objects to the other end, receive what it sent. Pass it to a
 * worker as an argument or capture it in a task. After the other end is closed, {@link #recv()}
 * returns what is left and then throws {@link PipeClosedException}, like Python's EOFError.
 */
public final class Connection implements Serializable, AutoCloseable {

    private static final long serialVersionUID = 1L;
    private final long in;
    private final long out;
    // Not sent along: the receiving process finds its own way to the queue service (QueueHome).
    private transient volatile QueueCalls calls;

    Connection(QueueCalls calls, long in, long out) {
        this.calls = calls;
        this.in = in;
        this.out = out;
    }

    private QueueCalls calls() {
        QueueCalls c = calls;
        if (c == null) {
            c = QueueHome.here();
            calls = c;
        }
        return c;
    }

    /**
     * Sends an object to the other end.
     *
     * @throws IllegalStateException if this end cannot send (the receiving end of a one-way pipe)
     */
    public void send(Object obj) {
        if (out < 0) {
            throw new IllegalStateException("this end of a one-way pipe only receives");
        }
        calls().put(out, obj, -1, true);
    }

    /**
     * Receives the next object, waiting for one.
     *
     * @throws PipeClosedException   if the other end was closed and nothing is left
     * @throws IllegalStateException if this end cannot receive
     */
    public <T> T recv() {
        return calls().get(requireIn(), -1);
    }

    /**
     * Receives the next object, waiting at most {@code timeout}.
     *
     * @throws QueueEmptyException if nothing came in time
     */
    public <T> T recv(Duration timeout) {
        return calls().get(requireIn(), QueueCalls.millis(timeout));
    }

    /** Whether something can be received now (or the other end is closed). */
    public boolean poll() {
        return calls().number(QueueOp.POLL, requireIn(), 0) != 0;
    }

    /** Whether something can be received within {@code timeout}. */
    public boolean poll(Duration timeout) {
        return calls().number(QueueOp.POLL, requireIn(), QueueCalls.millis(timeout)) != 0;
    }

    private long requireIn() {
        if (in < 0) {
            throw new IllegalStateException("this end of a one-way pipe only sends");
        }
        return in;
    }

    /** Closes this end: the other end receives what was sent, then {@link PipeClosedException}. */
    @Override
    public void close() {
        if (out >= 0) {
            calls().call(QueueOp.CLOSE_WRITER, new dev.jmp.internal.service.QueueService.Op(out, 0), java.util.List.of());
        }
    }
}
