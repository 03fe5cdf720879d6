package dev.jmp.internal.manager;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.serial.Fault;
import dev.jmp.internal.service.ItemQueue;
import dev.jmp.internal.service.ServiceCall;
import java.util.List;

/**
 * A FIFO queue in the manager, optionally bounded: the same {@link ItemQueue} as the queue
 * service's, answered in the manager's protocol. Items stay encoded (the manager never needs
 * to look inside them), so any serializable value passes, including notebook-defined classes.
 * A {@code take} waits for an item and a {@code put} for room, each with an optional timeout.
 */
final class QueueObject extends Managed {

    private final ItemQueue items;

    private QueueObject(ManagedHost service, String name, long capacity) {
        super(service, name);
        this.items = new ItemQueue(capacity, ManagerReply.of(true), this, service::schedule, () -> { });
    }

    static QueueObject create(ManagedHost service, String name, long maxsize) {
        if (maxsize < 0) {
            throw new Fault(ErrorCode.ILLEGAL_ARGUMENT, "a queue's maxsize must be >= 0 (0: unbounded), not " + maxsize);
        }
        return new QueueObject(service, name, maxsize == 0 ? Long.MAX_VALUE : maxsize);
    }

    @Override
    void handle(ManagerOp op, ServiceCall call, ManagerRequest r) {
        switch (op) {
            case QUEUE_PUT -> put(call, r);
            case QUEUE_TAKE -> take(call, r);
            case QUEUE_SIZE -> call.reply(ManagerReply.of(items.size()), null);
            default -> throw unknownOp(op, name);
        }
    }

    private void put(ServiceCall call, ManagerRequest r) {
        byte[] item = call.frames().get(0);
        if (items.offer(item)) {
            call.reply(ManagerReply.of(true), null);
        } else if (r.ms() == 0) {
            call.reply(ManagerReply.of(false), null);
        } else {
            items.parkPutter(call, item, r.ms(), w -> w.reply(ManagerReply.of(false), List.of()));
        }
    }

    private void take(ServiceCall call, ManagerRequest r) {
        if (items.take(call)) {
            return;
        }
        if (r.ms() == 0) {
            call.reply(ManagerReply.of(false), null);
        } else {
            items.parkGetter(call, r.ms(), w -> w.reply(ManagerReply.of(false), List.of()));
        }
    }

    @Override
    void close(RuntimeException why) {
        items.failAll(why);
    }
}
