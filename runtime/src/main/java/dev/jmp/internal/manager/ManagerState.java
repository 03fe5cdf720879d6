package dev.jmp.internal.manager;

import dev.jmp.internal.service.ServiceCall;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** One manager's shared objects, by id. */
final class ManagerState {

    private final ManagerService service;
    private final String id;
    private final Map<Long, Managed> objects = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    ManagerState(ManagerService service, String id) {
        this.service = service;
        this.id = id;
    }

    Managed get(long objectId) {
        return objects.get(objectId);
    }

    void create(String kind, ServiceCall call, ManagerRequest r) {
        long oid = ids.incrementAndGet();
        String name = kind + " " + oid + " of manager " + id;
        Managed o = switch (kind) {
            case "map" -> new MapObject(service, name);
            case "list" -> new ListObject(service, name);
            case "value" -> new ValueObject(service, name, call.frames().isEmpty() ? null
                    : dev.jmp.internal.serial.Values.decode(call.frames().get(0), service.loader()));
            case "lock" -> new LockObject(service, name, false);
            case "rlock" -> new LockObject(service, name, true);
            case "semaphore" -> SemaphoreObject.create(service, name, r.n(), r.k() == 1);
            case "event" -> new EventObject(service, name);
            case "barrier" -> BarrierObject.create(service, name, r.n(), r.ms());
            case "queue" -> QueueObject.create(service, name, r.n());
            case "array" -> ArrayObject.create(service, name, r.k(), r.n());
            case "condition" -> {
                if (!(objects.get(r.o()) instanceof LockObject lock)) {
                    throw new ManagerFault(IllegalArgumentException.class, "a condition needs a lock of manager " + id);
                }
                yield lock.newCondition(name);
            }
            default -> throw new ManagerFault(IllegalArgumentException.class, "no shared object kind " + kind);
        };
        objects.put(oid, o);
        call.reply(new ManagerReply(oid, true, name), null);
    }

    void peerGone(String peer) {
        for (Managed o : objects.values()) {
            synchronized (o.monitor()) {
                o.peerGone(peer);
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
