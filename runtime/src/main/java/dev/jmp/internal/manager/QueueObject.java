package dev.jmp.internal.manager;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.serial.Fault;
import dev.jmp.internal.service.ServiceCall;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A FIFO queue in the manager, optionally bounded. Items stay encoded (the manager never needs
 * to look inside them), so any serializable value passes, including notebook-defined classes.
 * A {@code take} waits for an item and a {@code put} for room, each with an optional timeout.
 */
final class QueueObject extends Managed {

    private final long capacity;
    private final ArrayDeque<byte[]> items = new ArrayDeque<>();
    private final ArrayDeque<Waiter> takers = new ArrayDeque<>();
    private final ArrayDeque<Waiter> putters = new ArrayDeque<>();

    private QueueObject(ManagerService service, String name, long capacity) {
        super(service, name);
        this.capacity = capacity;
    }

    static QueueObject create(ManagerService service, String name, long maxsize) {
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
        while (!takers.isEmpty()) {
            if (takers.poll().reply(ManagerReply.of(true), List.of(item))) {
                call.reply(ManagerReply.of(true), null);
                return;
            }
        }
        if (items.size() < capacity) {
            items.add(item);
            call.reply(ManagerReply.of(true), null);
        } else if (r.ms() == 0) {
            call.reply(ManagerReply.of(false), null);
        } else {
            Waiter w = new Waiter(call, new Owner(call.peer(), r.t()), 0, 0);
            w.item = item;
            park(w, putters, r.ms(), () -> w.reply(ManagerReply.of(false)), null);
        }
    }

    private void take(ServiceCall call, ManagerRequest r) {
        byte[] item = items.poll();
        if (item != null) {
            call.reply(ManagerReply.of(true), List.of(item));
            admitPutter();
        } else if (r.ms() == 0) {
            call.reply(ManagerReply.of(false), null);
        } else {
            Waiter w = new Waiter(call, new Owner(call.peer(), r.t()), 0, 0);
            park(w, takers, r.ms(), () -> w.reply(ManagerReply.of(false)), null);
        }
    }

    private void admitPutter() {
        while (!putters.isEmpty() && items.size() < capacity) {
            Waiter p = putters.poll();
            if (p.reply(ManagerReply.of(true))) {
                items.add(p.item);
            }
        }
    }

    @Override
    void close(RuntimeException why) {
        failAll(takers, why);
        failAll(putters, why);
    }
}
