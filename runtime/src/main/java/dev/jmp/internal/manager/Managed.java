package dev.jmp.internal.manager;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.serial.Fault;
import dev.jmp.internal.serial.Values;
import dev.jmp.internal.service.ParkedCall;
import dev.jmp.internal.service.ServiceCall;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * A shared object living in the manager. Every operation runs under the object's monitor (a
 * condition uses its lock's), so each one is atomic and all of them are linearizable, whichever
 * process calls. Operations that must wait park their call as a {@link Waiter} and answer it
 * later; nothing here ever blocks the thread that delivers calls.
 */
abstract class Managed {

    final ManagedHost service;
    final String name;

    Managed(ManagedHost service, String name) {
        this.service = service;
        this.name = name;
    }

    /** The monitor every operation of this object holds. */
    Object monitor() {
        return this;
    }

    /** Runs one operation; the caller holds {@link #monitor()}. */
    abstract void handle(ManagerOp op, ServiceCall call, ManagerRequest r);

    /**
     * Processes died: drop their waiters and give back what they held. Caller holds the monitor.
     *
     * @param dead which holders died (all that came through a child, or one process under it)
     */
    void gone(Predicate<Owner> dead) {
    }

    /** A child process died, and with it every process under it. Caller holds the monitor. */
    final void peerGone(String peer) {
        gone(Owner.through(peer));
    }

    /** The manager shut down: fail every parked call. Caller holds the monitor. */
    void close(RuntimeException why) {
    }

    /**
     * Parks a call: it leaves {@code queue} when answered, when the caller withdraws it, or
     * when its timeout ({@code ms > 0}) fires and runs {@code onTimeout}.
     */
    void park(Waiter w, Collection<Waiter> queue, long ms, Runnable onTimeout, Runnable onWithdraw) {
        ParkedCall.park(w, queue, monitor(), service::schedule, ms, x -> onTimeout.run(), onWithdraw);
    }

    static void failAll(Collection<Waiter> queue, Throwable why) {
        ParkedCall.failAll(queue, why);
    }

    static Fault fault(ErrorCode code, String message) {
        return new Fault(code, message);
    }

    static Fault unknownOp(ManagerOp op, String name) {
        return fault(ErrorCode.UNSUPPORTED_OPERATION, "operation " + op.wire() + " does not apply to " + name);
    }

    Object decode(ServiceCall call, int i) {
        return Values.decode(call.frames().get(i), service.loader());
    }

    static byte[] encode(Object value) {
        return Values.encode(value, "value");
    }

    static List<byte[]> frames(Object value) {
        return List.of(encode(value));
    }
}
