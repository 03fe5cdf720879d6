package dev.jmp.internal.manager;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.serial.Fault;
import dev.jmp.internal.serial.Values;
import dev.jmp.internal.service.ServiceCall;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** One manager's shared objects, by id. */
final class ManagerState {

    private final ManagedHost service;
    private final String id;
    private final Map<Long, Managed> objects = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Object, Long> named = new HashMap<>();

    ManagerState(ManagedHost service, String id) {
        this.service = service;
        this.id = id;
    }

    Managed get(long objectId) {
        return objects.get(objectId);
    }

    void create(ManagerOp op, ServiceCall call, ManagerRequest r) {
        if ((op == ManagerOp.NEW_RLOCK || op == ManagerOp.NEW_MAPPED_VIEW) && !call.frames().isEmpty()) {
            createNamed(op, call, r);
            return;
        }
        call.reply(make(op, call, r), null);
    }

    /**
     * A named rlock: the first call creates it, later ones (from any process) get the same one.
     * A shared value or array's {@code getLock()} names its lock after the value, so every
     * process that holds the value finds the one lock without having been handed it. A mapped
     * array's view is named after the array, so every process that adopts it shares one view.
     */
    private void createNamed(ManagerOp op, ServiceCall call, ManagerRequest r) {
        Object key = Values.decode(call.frames().get(0), service.loader());
        synchronized (named) {
            Long existing = named.get(key);
            Managed o = existing == null ? null : objects.get(existing);
            if (o != null) {
                call.reply(new ManagerReply(existing, true, o.name), null);
                return;
            }
            ManagerReply made = make(op, call, r);
            named.put(key, made.v());
            call.reply(made, null);
        }
    }

    private ManagerReply make(ManagerOp op, ServiceCall call, ManagerRequest r) {
        long oid = ids.incrementAndGet();
        String name = op.wire().substring("new.".length()) + " " + oid + " of manager " + id;
        Managed o = switch (op) {
            case NEW_MAP -> new MapObject(service, name);
            case NEW_LIST -> new ListObject(service, name);
            case NEW_VALUE -> new ValueObject(service, name, call.frames().isEmpty() ? null
                    : Values.decode(call.frames().get(0), service.loader()));
            case NEW_LOCK -> new LockObject(service, name, false);
            case NEW_RLOCK -> new LockObject(service, name, true);
            case NEW_SEMAPHORE -> SemaphoreObject.create(service, name, r.n(), r.k() == 1);
            case NEW_EVENT -> new EventObject(service, name);
            case NEW_BARRIER -> BarrierObject.create(service, name, r.n(), r.ms());
            case NEW_QUEUE -> QueueObject.create(service, name, r.n());
            case NEW_ARRAY -> ArrayObject.create(service, name, r.k(), r.n());
            case NEW_MAPPED_VIEW -> ArrayObject.view(service, name,
                    Values.decode(call.frames().get(0), service.loader()));
            case NEW_CONDITION -> {
                if (!(objects.get(r.o()) instanceof LockObject lock)) {
                    throw new Fault(ErrorCode.ILLEGAL_ARGUMENT, "a condition needs a lock of manager " + id);
                }
                yield lock.newCondition(name);
            }
            default -> throw new Fault(ErrorCode.ILLEGAL_ARGUMENT,
                    "operation " + op.wire() + " creates no shared object");
        };
        objects.put(oid, o);
        return new ManagerReply(oid, true, name);
    }

    void gone(java.util.function.Predicate<Owner> dead) {
        for (Managed o : objects.values()) {
            synchronized (o.monitor()) {
                o.gone(dead);
            }
        }
    }

    void close(RuntimeException why) {
        for (Managed o : objects.values()) {
            synchronized (o.monitor()) {
                o.close(why);
            }
        }
        objects.clear();
    }
}
