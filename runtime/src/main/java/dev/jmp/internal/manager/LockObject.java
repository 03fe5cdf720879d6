package dev.jmp.internal.manager;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.service.ServiceCall;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A lock (reentrant or not) in the manager. It records its holder (process and thread); a
 * release by anyone else is an {@link IllegalMonitorStateException}. When the holder's process
 * dies the lock is released, waiters on its conditions are woken, and the next acquirer is told
 * who died holding it.
 *
 * <p>Waiters are granted in arrival order, but like Python's and Java's default locks this one
 * lets a newcomer barge: a lock released while its first waiter has waited less than
 * {@link #BARGE_WINDOW_NANOS} stays free for {@link #HANDOFF_DELAY_MICROS}, and an acquire that
 * arrives meanwhile takes it. A process that releases and re-takes a lock in a loop then pays its
 * own round trip, not the wake-up of another process, per cycle. Once the first waiter has waited
 * the window, every release hands the lock straight to it, so no waiter starves.
 */
final class LockObject extends Managed {

    /** How long the first waiter may be passed over by barging acquirers. */
    static final long BARGE_WINDOW_NANOS = 2_000_000;
    /** How long a released lock waits for a barging acquirer before going to the first waiter. */
    static final long HANDOFF_DELAY_MICROS = 200;
    private final boolean reentrant;
    private boolean handoffDue;
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private final List<ConditionObject> conditions = new ArrayList<>();
    /** Condition waiters whose call was withdrawn, by token: the holds they must get back. */
    private final Map<Long, Long> withdrawn = new HashMap<>();
    private Owner owner;
    private long holds;
    private long grantToken;
    private String deadHolder;

    LockObject(ManagedHost service, String name, boolean reentrant) {
        super(service, name);
        this.reentrant = reentrant;
    }

    ConditionObject newCondition(String conditionName) {
        synchronized (this) {
            ConditionObject c = new ConditionObject(service, conditionName, this);
            conditions.add(c);
            return c;
        }
    }

    @Override
    void handle(ManagerOp op, ServiceCall call, ManagerRequest r) {
        Owner me = new Owner(call.peer(), r.t());
        switch (op) {
            case LOCK_ACQUIRE -> acquire(call, me, r.k(), r.ms());
            case LOCK_RELEASE -> {
                release(me, "release");
                call.reply(ManagerReply.NONE, null);
            }
            case LOCK_ABANDON -> abandon(me, r.k());
            case LOCK_STATE -> call.reply(new ManagerReply(me.equals(owner) ? holds : 0, owner != null,
                    owner == null ? null : service.describe(owner)), null);
            case LOCK_RECLAIM -> reclaim(call, me, r.k());
            default -> throw unknownOp(op, name);
        }
    }

    private void acquire(ServiceCall call, Owner me, long token, long ms) {
        service.remember(me.peer());
        if (owner == null && (queue.isEmpty() || mayBarge())) {
            grant(new Waiter(call, me, token, 1));
        } else if (me.equals(owner)) {
            if (reentrant) {
                holds++;
                grantToken = token;
                call.reply(new ManagerReply(holds, true, null), null);
            } else if (ms < 0) {
                throw fault(ErrorCode.ILLEGAL_STATE, "this thread already holds " + name
                        + ", which is not reentrant: acquiring it again would wait forever (use Manager.rlock())");
            } else if (ms == 0) {
                call.reply(ManagerReply.of(false), null);
            } else {
                wait(new Waiter(call, me, token, 1), ms);
            }
        } else if (ms == 0) {
            call.reply(ManagerReply.of(false), null);
        } else {
            wait(new Waiter(call, me, token, 1), ms);
        }
    }

    private void wait(Waiter w, long ms) {
        park(w, queue, ms, () -> w.reply(ManagerReply.of(false)), null);
    }

    /** Grants the lock to a waiter; false if its caller is gone (the lock stays free). */
    private boolean grant(Waiter w) {
        String died = deadHolder;
        owner = w.owner;
        holds = w.n;
        grantToken = w.token;
        deadHolder = null;
        if (!w.reply(new ManagerReply(holds, w.signalled, died))) {
            owner = null;
            holds = 0;
            deadHolder = died;
            return false;
        }
        return true;
    }

    void grantNext() {
        while (owner == null && !queue.isEmpty()) {
            grant(queue.poll());
        }
    }

    /** Checks that {@code me} holds the lock, or raises the Java error for {@code what}. */
    void checkHeld(Owner me, String what) {
        if (!me.equals(owner)) {
            throw fault(ErrorCode.ILLEGAL_MONITOR_STATE, "cannot " + what + ": " + name
                    + (owner == null ? " is not locked" : " is held by " + service.describe(owner)
                    + ", not by this thread"));
        }
    }

    private void release(Owner me, String what) {
        checkHeld(me, what);
        if (--holds == 0) {
            owner = null;
            if (mayBarge()) {
                if (!handoffDue) {
                    handoffDue = true;
                    try {
                        service.scheduleMicros(HANDOFF_DELAY_MICROS, () -> {
                            synchronized (this) {
                                handoffDue = false;
                                grantNext();
                            }
                        });
                    } catch (java.util.concurrent.RejectedExecutionException stopping) {
                        handoffDue = false;
                        grantNext();
                    }
                }
            } else {
                grantNext();
            }
        }
    }

    /** Whether an acquirer may pass the first waiter (it has not waited the window yet). */
    private boolean mayBarge() {
        Waiter first = queue.peek();
        return first != null && System.nanoTime() - first.parkedAt < BARGE_WINDOW_NANOS;
    }

    /** Releases every hold of {@code me} for a condition wait; returns how many there were. */
    long releaseAll(Owner me, String what) {
        checkHeld(me, what);
        long h = holds;
        holds = 0;
        owner = null;
        grantNext();
        return h;
    }

    /** Queues a condition waiter to get the lock back (signalled or timed out). */
    void requeue(Waiter w) {
        park(w, queue, 0, null, () -> withdrawn.put(w.token, w.n));
        grantNext();
    }

    void rememberWithdrawn(long token, long heldBefore) {
        withdrawn.put(token, heldBefore);
    }

    /** An interrupted acquirer gives back a grant whose reply it did not read. */
    private void abandon(Owner me, long token) {
        queue.removeIf(w -> w.token == token && w.owner.equals(me));
        if (me.equals(owner) && grantToken == token) {
            release(me, "abandon");
        }
    }

    /** An interrupted condition waiter takes the lock back with the holds it had. */
    private void reclaim(ServiceCall call, Owner me, long token) {
        Long h = withdrawn.remove(token);
        if (h != null) {
            Waiter w = new Waiter(call, me, token, h);
            park(w, queue, 0, null, () -> withdrawn.put(token, h));
            grantNext();
        } else if (me.equals(owner) && grantToken == token) {
            call.reply(new ManagerReply(holds, true, null), null);
        } else {
            throw fault(ErrorCode.ILLEGAL_STATE, "nothing to reclaim on " + name + " for this wait");
        }
    }

    @Override
    void gone(Predicate<Owner> dead) {
        queue.removeIf(w -> dead.test(w.owner));
        for (ConditionObject c : conditions) {
            c.drop(dead);
        }
        if (owner != null && dead.test(owner)) {
            deadHolder = service.describe(owner);
            owner = null;
            holds = 0;
            for (ConditionObject c : conditions) {
                c.wakeAll();
            }
            grantNext();
        }
    }

    @Override
    void close(RuntimeException why) {
        failAll(queue, why);
        for (ConditionObject c : conditions) {
            c.close(why);
        }
    }
}
