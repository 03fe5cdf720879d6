package dev.jmp.internal.supervisor;

import dev.jmp.internal.wire.message.Shutdown;
import dev.jmp.internal.wire.message.WireMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The messages on their way to one worker. The rules:
 * <ul>
 * <li>Messages are held until the worker has connected, then written in the order they were sent.</li>
 * <li>A connected worker the hub cannot route to (its connection is being remade) gets them, in
 * order, once it can: another try is scheduled, one at a time.</li>
 * <li>One unreachable for longer than {@link #UNREACHABLE_MILLIS} (a live worker on this host: the
 * longer local bound) is given up and killed, so its tasks end instead of waiting for ever.</li>
 * <li>What is held for a worker that ended, or of a runtime that closed, is dropped.</li>
 * <li>A repeated shutdown request is not sent again.</li>
 * </ul>
 * Not thread-safe: its worker's handle calls it under its own lock, the retry included.
 */
final class WorkerMailbox {

    /**
     * How long a connected worker may stay unreachable before it is given up, unless it is a live
     * process on this host (then {@link RuntimeSettings#localSilenceMillis()}).
     */
    static final long UNREACHABLE_MILLIS = 5000;
    private final WorkerHandle worker;
    private final WorkerHost host;
    private final LongSupplier clock;
    private final Runnable retry;
    private final List<Object[]> pending = new ArrayList<>();
    private boolean connected;
    private boolean connecting;
    private boolean shutdownSent;
    private boolean retryScheduled;
    private long unroutableSince;

    /**
     * @param worker the worker the messages go to
     * @param host   its runtime (routes, timer)
     * @param clock  epoch millis
     * @param retry  flushes again, under the handle's lock
     */
    WorkerMailbox(WorkerHandle worker, WorkerHost host, LongSupplier clock, Runnable retry) {
        this.worker = worker;
        this.host = host;
        this.clock = clock;
        this.retry = retry;
    }

    void send(WireMessage m, List<byte[]> frames) {
        if (m instanceof Shutdown) {
            if (shutdownSent) {
                return;
            }
            shutdownSent = true;
        }
        pending.add(new Object[] {m, frames});
        if (connected && pending.size() == 1) {
            flush();
        }
    }

    /** Writes held messages in order; schedules another try for those the hub cannot route yet. */
    void flush() {
        retryScheduled = false;
        while (!pending.isEmpty()) {
            Object[] p = pending.get(0);
            @SuppressWarnings("unchecked")
            List<byte[]> frames = (List<byte[]>) p[1];
            if (!host.route(worker.id(), (WireMessage) p[0], frames)) {
                break;
            }
            pending.remove(0);
        }
        if (pending.isEmpty()) {
            unroutableSince = 0;
            return;
        }
        if (worker.exited().isDone() || !worker.isAlive() || host.isClosed()) {
            pending.clear();
            return;
        }
        long now = clock.getAsLong();
        if (unroutableSince == 0) {
            unroutableSince = now;
        }
        long bound = host.workersOnThisHost() && worker.isAlive()
                ? Math.max(UNREACHABLE_MILLIS, host.localSilenceMillis()) : UNREACHABLE_MILLIS;
        if (now - unroutableSince > bound) {
            pending.clear();
            worker.markLost("could not be reached for " + (now - unroutableSince)
                    + " ms (its connection to the parent broke)");
        } else if (!retryScheduled) {
            retryScheduled = true;
            host.schedule(retry, 2);
        }
    }

    /** Whether this hello is the first (later ones are repeats of a worker not yet answered). */
    boolean startConnecting() {
        if (connecting) {
            return false;
        }
        connecting = true;
        return true;
    }

    /** The worker can be routed to: what was held goes out. */
    void connected() {
        connected = true;
        flush();
    }

    /** How many messages wait. */
    int held() {
        return pending.size();
    }
}
