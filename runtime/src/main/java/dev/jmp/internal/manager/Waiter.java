package dev.jmp.internal.manager;

import dev.jmp.internal.service.ParkedCall;
import dev.jmp.internal.service.ServiceCall;
import java.util.List;

/** A call parked in a shared object, with what the object needs to know about it. */
final class Waiter extends ParkedCall {

    final Owner owner;
    final long token;
    /** When it was parked ({@code System.nanoTime()}). */
    final long parkedAt = System.nanoTime();
    /** Permits wanted, holds to restore, or an arrival index. */
    long n;
    /** Whether a condition waiter was signalled (false: it timed out). */
    boolean signalled = true;

    Waiter(ServiceCall call, Owner owner, long token, long n) {
        super(call);
        this.owner = owner;
        this.token = token;
        this.n = n;
    }

    boolean reply(ManagerReply r) {
        return reply(r, List.of());
    }
}
