package dev.jmp.internal.manager;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.jmp.internal.service.ServiceCall;
import dev.jmp.internal.service.Withdrawals;
import dev.jmp.internal.wire.message.ErrorInfo;
import java.util.List;

/**
 * Calls to one shared object as the manager service makes them (under the object's monitor),
 * each remembering its answer, so a test reads what each caller was told and when.
 */
final class Calls {

    /** One caller's call and its answer once it came. */
    static final class Call {
        final ServiceCall call;
        ManagerReply reply;
        ErrorInfo error;
        int answers;

        Call(String peer, ManagerOp op) {
            call = ServiceCall.local(peer, 1, ManagerService.NAME, op.wire(), null, List.of(), false,
                    (result, err, frames) -> {
                        reply = (ManagerReply) result;
                        error = err;
                        answers++;
                    });
        }

        boolean answered() {
            return answers > 0;
        }

        /** The reply, which must have come. */
        ManagerReply got() {
            assertNotNull(reply, "no reply yet" + (error == null ? "" : "; failed: " + error));
            return reply;
        }

        /** Withdraws the call, as an interrupted or dying caller does. */
        boolean withdraw() {
            return Withdrawals.withdraw(call);
        }
    }

    private final Managed object;

    Calls(Managed object) {
        this.object = object;
    }

    /**
     * Makes one call.
     *
     * @param peer   the calling process
     * @param thread the calling thread
     * @param k      the token
     * @param ms     the timeout (-1 waits forever, 0 never waits)
     * @param n      the count
     */
    Call call(ManagerOp op, String peer, long thread, long k, long ms, long n) {
        Call c = new Call(peer, op);
        synchronized (object.monitor()) {
            object.handle(op, c.call, new ManagerRequest("m1", 1, thread, k, ms, n));
        }
        return c;
    }

    /** A process died. */
    void peerGone(String peer) {
        synchronized (object.monitor()) {
            object.peerGone(peer);
        }
    }

    /** Processes died (one under a child, as a {@code $ gone} notice says). */
    void gone(java.util.function.Predicate<Owner> dead) {
        synchronized (object.monitor()) {
            object.gone(dead);
        }
    }
}
