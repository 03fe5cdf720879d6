package dev.jmp.internal.manager;

import dev.jmp.internal.service.ServiceCall;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A condition of a manager lock, sharing the lock's monitor. {@code await} atomically releases
 * the lock (all holds of an rlock) and parks; a signal, a timeout, or the death of the lock's
 * holder moves the waiter to the lock's queue, and its reply (signalled or timed out) is sent
 * only once it holds the lock again with its holds restored, as Java's conditions require.
 */
final class ConditionObject extends Managed {

    private final LockObject lock;
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

    ConditionObject(ManagedHost service, String name, LockObject lock) {
        super(service, name);
        this.lock = lock;
    }

    @Override
    Object monitor() {
        return lock;
    }

    @Override
    void handle(ManagerOp op, ServiceCall call, ManagerRequest r) {
        Owner me = new Owner(call.peer(), r.t());
        switch (op) {
            case COND_AWAIT -> {
                long held = lock.releaseAll(me, "await a condition of it");
                Waiter w = new Waiter(call, me, r.k(), held);
                park(w, waiters, r.ms(), () -> {
                    w.signalled = false;
                    lock.requeue(w);
                }, () -> lock.rememberWithdrawn(w.token, w.n));
            }
            case COND_SIGNAL -> {
                lock.checkHeld(me, "signal a condition of it");
                long moved = 0;
                while (moved < r.n() && !waiters.isEmpty()) {
                    move(waiters.poll());
                    moved++;
                }
                call.reply(ManagerReply.of(moved), null);
            }
            default -> throw unknownOp(op, name);
        }
    }

    private void move(Waiter w) {
        w.cancelTimer();
        lock.requeue(w);
    }

    /** The lock's holder died: wake every waiter (they re-check their predicate under the lock). */
    void wakeAll() {
        while (!waiters.isEmpty()) {
            move(waiters.poll());
        }
    }

    void drop(java.util.function.Predicate<Owner> dead) {
        List<Waiter> gone = new ArrayList<>();
        for (Waiter w : waiters) {
            if (dead.test(w.owner)) {
                gone.add(w);
            }
        }
        waiters.removeAll(gone);
        gone.forEach(Waiter::cancelTimer);
    }

    @Override
    void close(RuntimeException why) {
        failAll(waiters, why);
    }
}
