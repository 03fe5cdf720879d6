package dev.jmp.internal.manager;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.serial.Fault;
import dev.jmp.internal.service.ServiceCall;
import java.util.ArrayList;
import java.util.List;

/**
 * A cyclic barrier in the manager. As with {@link java.util.concurrent.CyclicBarrier}, a wait
 * that times out breaks the barrier: the timed-out party sees a timeout, every other waiting
 * party sees it broken, and later waits fail until {@code reset}. A party whose process dies or
 * whose wait is interrupted while waiting breaks it too, so nobody waits for it forever.
 * Replies carry the {@link BarrierStatus} in {@code s} (with the arrival index in {@code v} when it is ok).
 */
final class BarrierObject extends Managed {


    private final long parties;
    private final long defaultTimeout;
    private final List<Waiter> waiters = new ArrayList<>();
    private boolean broken;

    private BarrierObject(ManagedHost service, String name, long parties, long defaultTimeout) {
        super(service, name);
        this.parties = parties;
        this.defaultTimeout = defaultTimeout;
    }

    static BarrierObject create(ManagedHost service, String name, long parties, long defaultTimeout) {
        if (parties < 1) {
            throw new Fault(ErrorCode.ILLEGAL_ARGUMENT, "a barrier needs at least 1 party, not " + parties);
        }
        return new BarrierObject(service, name, parties, defaultTimeout);
    }

    @Override
    void handle(ManagerOp op, ServiceCall call, ManagerRequest r) {
        switch (op) {
            case BARRIER_AWAIT -> await(call, r);
            case BARRIER_RESET -> {
                breakAll();
                broken = false;
                call.reply(ManagerReply.NONE, null);
            }
            case BARRIER_ABORT -> {
                breakAll();
                call.reply(ManagerReply.NONE, null);
            }
            case BARRIER_STATE -> call.reply(new ManagerReply(waiters.size(), broken, null), null);
            default -> throw unknownOp(op, name);
        }
    }

    private void await(ServiceCall call, ManagerRequest r) {
        if (broken) {
            call.reply(BarrierStatus.BROKEN.reply(0), null);
            return;
        }
        long index = parties - 1 - waiters.size();
        if (index == 0) {
            List<Waiter> all = new ArrayList<>(waiters);
            waiters.clear();
            for (Waiter w : all) {
                w.reply(BarrierStatus.OK.reply(w.n));
            }
            call.reply(BarrierStatus.OK.reply(0), null);
            return;
        }
        long ms = r.ms() == ManagerRequest.BARRIER_DEFAULT_TIMEOUT ? defaultTimeout : r.ms();
        if (ms == 0) {
            breakAll();
            call.reply(BarrierStatus.TIMEOUT.reply(0), null);
            return;
        }
        Waiter w = new Waiter(call, new Owner(call.peer(), r.t()), 0, index);
        park(w, waiters, ms, () -> {
            w.reply(BarrierStatus.TIMEOUT.reply(0));
            breakAll();
        }, this::breakAll);
    }

    private void breakAll() {
        broken = true;
        List<Waiter> all = new ArrayList<>(waiters);
        waiters.clear();
        for (Waiter w : all) {
            w.reply(BarrierStatus.BROKEN.reply(0));
        }
    }

    @Override
    void gone(java.util.function.Predicate<Owner> dead) {
        if (waiters.removeIf(w -> dead.test(w.owner))) {
            breakAll();
        }
    }

    @Override
    void close(RuntimeException why) {
        failAll(waiters, why);
    }
}
