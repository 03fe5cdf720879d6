package dev.jmp.internal.service;

import dev.jmp.spi.Daemons;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * In a worker's own runtime, the service of last resort: a call from one of this worker's
 * children for something this runtime does not host (a manager or queue made by an ancestor,
 * the notebook's {@code %%shared} objects) is passed on to this worker's parent, which hosts it
 * or passes it on again, up to the runtime that does. The caller sees the answer as if it had
 * asked the host itself; withdrawing the call here withdraws it up there.
 */
public final class ParentForwarder implements Service {

    private final ServiceClient parent;
    /** Threads that wait for the parent's answers: a call may park there (a lock, a queue get). */
    private final ExecutorService waits = Executors.newCachedThreadPool(Daemons.factory("jmp-service-forward"));

    /**
     * @param parent this worker's client to its parent
     */
    public ParentForwarder(ServiceClient parent) {
        this.parent = parent;
    }

    @Override
    public void handle(ServiceCall call) {
        if (call.isOneWay()) {
            // Sent at once, in the order calls arrive, so later calls cannot overtake it.
            parent.send(call.service(), call.op(), call.rawArgs(), call.frames());
            return;
        }
        AtomicReference<Future<?>> running = new AtomicReference<>();
        call.onCancel(() -> {
            Future<?> f = running.get();
            if (f != null) {
                f.cancel(true); // interrupting the wait withdraws the call from the parent
            }
        });
        running.set(waits.submit(() -> relay(call)));
        if (call.isDone()) {
            running.get().cancel(true);
        }
    }

    private void relay(ServiceCall call) {
        try {
            ServiceResult r = parent.call(call.service(), call.op(), call.rawArgs(), call.frames());
            if (!call.reply(r.result() != null ? r.result() : r.local(), r.frames())) {
                // The caller withdrew the call after the parent answered it; nothing to undo here
                // that the host would not undo when this worker's caller goes away.
                return;
            }
        } catch (InterruptedException e) {
            // withdrawn by the caller: the parent withdrew it too
        } catch (RuntimeException e) {
            call.fail(e);
        }
    }
}
