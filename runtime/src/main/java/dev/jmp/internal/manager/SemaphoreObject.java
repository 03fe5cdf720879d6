package dev.jmp.internal.manager;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.serial.Fault;
import dev.jmp.internal.service.ServiceCall;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A counting semaphore in the manager, bounded or not. It counts the permits each process holds
 * (a release by a process holding none is credited against the others, as semaphores may be
 * released by anyone), so when a process dies the permits it still holds come back and the next
 * acquirer learns of the death. A bounded semaphore refuses a release above its initial count.
 * Waiters are served in arrival order.
 */
final class SemaphoreObject extends Managed {

    private final long bound;
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    /** Permits held, by process ({@link Owner#process()}): a grandchild's apart from its parent's. */
    private final Map<Owner, Long> held = new LinkedHashMap<>();
    private final Map<Owner, long[]> lastGrant = new HashMap<>();
    private long permits;
    private String deadHolder;

    private SemaphoreObject(ManagedHost service, String name, long permits, long bound) {
        super(service, name);
        this.permits = permits;
        this.bound = bound;
    }

    static SemaphoreObject create(ManagedHost service, String name, long permits, boolean bounded) {
        if (permits < 0) {
            throw new Fault(ErrorCode.ILLEGAL_ARGUMENT, "a semaphore's initial permits must be >= 0, not " + permits);
        }
        return new SemaphoreObject(service, name, permits, bounded ? permits : -1);
    }

    @Override
    void handle(ManagerOp op, ServiceCall call, ManagerRequest r) {
        Owner me = new Owner(call.peer(), r.t());
        switch (op) {
            case SEM_ACQUIRE -> {
                service.remember(me.peer());
                Waiter w = new Waiter(call, me, r.k(), r.n());
                if (queue.isEmpty() && permits >= r.n()) {
                    grant(w);
                } else if (r.ms() == 0) {
                    call.reply(ManagerReply.of(false), null);
                } else {
                    park(w, queue, r.ms(), () -> w.reply(ManagerReply.of(false)), null);
                }
            }
            case SEM_RELEASE -> {
                if (bound >= 0 && permits + r.n() > bound) {
                    throw fault(ErrorCode.ILLEGAL_STATE, name + " is bounded to " + bound
                            + " permits and has " + permits + " free: releasing " + r.n()
                            + " more would exceed the bound (released more often than acquired)");
                }
                permits += r.n();
                credit(me.process(), r.n());
                grantNext();
                call.reply(ManagerReply.NONE, null);
            }
            case SEM_ABANDON -> {
                queue.removeIf(w -> w.token == r.k() && w.owner.equals(me));
                long[] g = lastGrant.get(me);
                if (g != null && g[0] == r.k()) {
                    lastGrant.remove(me);
                    permits += g[1];
                    credit(me.process(), g[1]);
                    grantNext();
                }
            }
            case SEM_AVAILABLE -> call.reply(ManagerReply.of(permits), null);
            default -> throw unknownOp(op, name);
        }
    }

    private boolean grant(Waiter w) {
        String died = deadHolder;
        if (!w.reply(new ManagerReply(w.n, true, died))) {
            return false;
        }
        deadHolder = null;
        permits -= w.n;
        held.merge(w.owner.process(), w.n, Long::sum);
        lastGrant.put(w.owner, new long[] {w.token, w.n});
        return true;
    }

    private void grantNext() {
        while (!queue.isEmpty() && permits >= queue.peek().n) {
            grant(queue.poll());
        }
    }

    /** Takes released permits off the releaser's count, then off other holders'. */
    private void credit(Owner process, long n) {
        long left = n;
        Long mine = held.get(process);
        if (mine != null) {
            long take = Math.min(mine, left);
            left -= take;
            put(process, mine - take);
        }
        Iterator<Map.Entry<Owner, Long>> it = held.entrySet().iterator();
        while (left > 0 && it.hasNext()) {
            Map.Entry<Owner, Long> e = it.next();
            long take = Math.min(e.getValue(), left);
            left -= take;
            if (e.getValue() == take) {
                it.remove();
            } else {
                e.setValue(e.getValue() - take);
            }
        }
    }

    private void put(Owner process, long n) {
        if (n == 0) {
            held.remove(process);
        } else {
            held.put(process, n);
        }
    }

    @Override
    void gone(Predicate<Owner> dead) {
        queue.removeIf(w -> dead.test(w.owner));
        lastGrant.keySet().removeIf(dead);
        Iterator<Map.Entry<Owner, Long>> it = held.entrySet().iterator();
        boolean freed = false;
        while (it.hasNext()) {
            Map.Entry<Owner, Long> e = it.next();
            long h = e.getValue();
            if (!dead.test(e.getKey())) {
                continue;
            }
            it.remove();
            if (h > 0) {
                permits = bound >= 0 ? Math.min(bound, permits + h) : permits + h;
                deadHolder = service.describe(e.getKey()) + " died holding " + h + " permit" + (h == 1 ? "" : "s");
                freed = true;
            }
        }
        if (freed) {
            grantNext();
        }
    }

    @Override
    void close(RuntimeException why) {
        failAll(queue, why);
    }
}
