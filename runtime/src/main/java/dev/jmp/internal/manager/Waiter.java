package dev.jmp.internal.manager;

import dev.jmp.internal.service.ServiceCall;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/** A call parked in a shared object until it can be answered, or until its timeout. */
final class Waiter {

    final ServiceCall call;
    final Owner owner;
    final long token;
    /** When it was parked ({@code System.nanoTime()}). */
    final long parkedAt = System.nanoTime();
    /** Permits wanted, holds to restore, or an arrival index. */
    long n;
    /** Whether a condition waiter was signalled (false: it timed out). */
    boolean signalled = true;
    /** A queue item waiting to be put. */
    byte[] item;
    ScheduledFuture<?> timer;

    Waiter(ServiceCall call, Owner owner, long token, long n) {
        this.call = call;
        this.owner = owner;
        this.token = token;
        this.n = n;
    }

    void cancelTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
            timer = null;
        }
    }

    boolean reply(ManagerReply r, List<byte[]> frames) {
        cancelTimer();
        return call.reply(r, frames);
    }

    boolean reply(ManagerReply r) {
        return reply(r, List.of());
    }

    boolean fail(Throwable t) {
        cancelTimer();
        return call.fail(t);
    }
}
