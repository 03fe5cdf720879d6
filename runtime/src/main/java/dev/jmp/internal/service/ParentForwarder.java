package dev.jmp.internal.service;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.serial.Fault;
import dev.jmp.spi.Daemons;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * In a worker's own runtime, the service of last resort: a call from one of this worker's
 * children for something this runtime does not host (a manager or queue made by an ancestor,
 * the notebook's {@code %%shared} objects) is passed on to this worker's parent, which hosts it
 * or passes it on again, up to the runtime that does. The caller sees the answer as if it had
 * asked the host itself; withdrawing the call here withdraws it up there.
 *
 * <p>Each call that waits for its answer holds a thread here until the parent answers (a lock
 * or a queue get may park up there for ever), so at most {@value #MAX_IN_FLIGHT} are in flight
 * at once: the children of one worker cannot make it start threads without bound. A call
 * beyond that fails at once with a clear error; one-way calls hold nothing and always pass.
 */
public final class ParentForwarder implements Service {

    /** The most calls this worker passes up and waits for at once. */
    public static final int MAX_IN_FLIGHT = 1024;

    private final ServiceClient parent;
    private final int limit;
    private final Semaphore inFlight;
    /** Forwarded calls not finished yet, by the child that made them (guarded by itself). */
    private final Map<String, Integer> open = new HashMap<>();
    /** Threads that wait for the parent's answers: a call may park there (a lock, a queue get). */
    private final ExecutorService waits = Executors.newCachedThreadPool(Daemons.factory("jmp-service-forward"));

    /**
     * @param parent this worker's client to its parent
     */
    public ParentForwarder(ServiceClient parent) {
        this(parent, MAX_IN_FLIGHT);
    }

    /**
     * @param parent this worker's client to its parent
     * @param limit  the most forwarded calls waiting for their answers at once
     */
    ParentForwarder(ServiceClient parent, int limit) {
        this.parent = parent;
        this.limit = limit;
        this.inFlight = new Semaphore(limit);
    }

    @Override
    public void handle(ServiceCall call) {
        if (call.isOneWay()) {
            // Sent at once, in the order calls arrive, so later calls cannot overtake it.
            parent.send(call.service(), call.op(), call.rawArgs(), call.frames());
            return;
        }
        if (!inFlight.tryAcquire()) {
            call.fail(new Fault(ErrorCode.ILLEGAL_STATE, "this worker already passes " + limit
                    + " calls of its child processes up to its parent and waits for their answers"
                    + " (locks, queue gets ...), the most it passes at once: " + call.service() + " "
                    + call.op() + " from " + call.peer() + " was refused; let some of those calls finish first"));
            return;
        }
        opened(call.peer());
        AtomicReference<Future<?>> running = new AtomicReference<>();
        call.onCancel(() -> {
            Future<?> f = running.get();
            if (f != null) {
                f.cancel(true); // interrupting the wait withdraws the call from the parent
            }
        });
        // Finished once: when relay returns, or in done() when it was cancelled before it ran
        // (a cancel while it runs calls done() at once, but the relay still finishes its exchange).
        AtomicInteger state = new AtomicInteger(); // 0 waiting, 1 running, 2 finished
        FutureTask<Void> task = new FutureTask<>(() -> {
            if (state.compareAndSet(0, 1)) {
                try {
                    relay(call);
                } finally {
                    state.set(2);
                    finished(call.peer());
                }
            }
        }, null) {
            @Override
            protected void done() {
                if (state.compareAndSet(0, 2)) {
                    finished(call.peer());
                }
            }
        };
        running.set(task);
        waits.execute(task);
        if (call.isDone()) {
            running.get().cancel(true);
        }
    }

    private void opened(String peer) {
        synchronized (open) {
            open.merge(peer, 1, Integer::sum);
        }
    }

    private void finished(String peer) {
        inFlight.release();
        synchronized (open) {
            if (open.merge(peer, -1, Integer::sum) <= 0) {
                open.remove(peer);
                open.notifyAll();
            }
        }
    }

    /**
     * Tells the parent that process {@code pid}, whose calls came here through the child
     * {@code peer}, died: a one-way {@code $ gone}, so the runtime hosting what it held (a lock,
     * semaphore permits) gives it back, as it does when its own child dies.
     *
     * @param peer           the child of this runtime through which the process called
     * @param pid            the dead process
     * @param afterPeerCalls wait first until every call of {@code peer} passed up is answered or
     *                       withdrawn (the child itself died, and the registry withdrew its calls):
     *                       what the parent granted to one of them is then released too
     */
    public void passGoneUp(String peer, long pid, boolean afterPeerCalls) {
        if (!afterPeerCalls) {
            sendGone(pid);
            return;
        }
        waits.execute(() -> {
            try {
                synchronized (open) {
                    while (open.containsKey(peer)) {
                        open.wait();
                    }
                }
                sendGone(pid);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the runtime is closing
            }
        });
    }

    private void sendGone(long pid) {
        try {
            parent.send(ServiceRegistry.CONTROL, ServiceRegistry.GONE, new ServiceRegistry.GoneArgs(pid), List.of());
        } catch (RuntimeException e) {
            // the parent is gone too: nothing up there to release
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
