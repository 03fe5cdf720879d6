package dev.jmp.internal.service;

import dev.jmp.internal.util.WireNames;
import java.util.Map;

/**
 * Every operation of the queue service, used by the calls that send it ({@link QueueCalls}) and
 * the service that answers it ({@link QueueService}), so the two cannot drift apart. On the wire
 * an operation is its {@link #wire()} name in {@code ServiceRequest.op}.
 */
public enum QueueOp {
    /** Creates a queue: {@link QueueService.Create} in, the id out. */
    CREATE("create"),
    /** Puts the one item frame, waiting for room up to the timeout. */
    PUT("put"),
    /** Gets an item, waiting for one up to the timeout. */
    GET("get"),
    /** The number of items held. */
    SIZE("size"),
    /** 1 if an item is there or the writer closed (a get would not wait), else 0 after the timeout. */
    POLL("poll"),
    /** A joinable queue's item is done. */
    TASK_DONE("taskDone"),
    /** Waits until every item of a joinable queue is done. */
    JOIN("join"),
    /** A pipe's writing end closed: gets on the empty queue fail from now on. */
    CLOSE_WRITER("closeWriter");

    private static final Map<String, QueueOp> BY_WIRE = WireNames.index(values(), QueueOp::wire);

    private final String wire;

    QueueOp(String wire) {
        this.wire = wire;
    }

    /** @return the name on the wire */
    public String wire() {
        return wire;
    }

    /** @return the operation of a wire name, or {@code null} for a name the service does not know */
    static QueueOp ofWire(String wire) {
        return BY_WIRE.get(wire);
    }
}
