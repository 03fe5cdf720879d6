package dev.jmp.internal.supervisor;

import dev.jmp.internal.service.ServiceCall;
import dev.jmp.internal.wire.message.StatsReply;
import dev.jmp.internal.wire.message.WireMessage;
import java.util.List;

/**
 * What the hub's handlers ({@link HubHandlers}) need from their runtime: its workers, its state
 * and settings, its threads, its services and the hub's route and clock. The seam through which
 * the handlers' decisions are unit-tested without a hub or a JVM.
 */
interface HubHost {

    /** The live worker with this id, or {@code null}. */
    WorkerHandle worker(String id);

    /** The live workers. */
    List<WorkerHandle> workers();

    boolean isClosed();

    /** Whether workers run on this host, where each side watches the other's process. */
    boolean workersOnThisHost();

    RuntimeSettings settings();

    /** Runs {@code r} on the runtime's timer after {@code delayMillis}. */
    void schedule(Runnable r, long delayMillis);

    /** Runs a blocking job on the runtime's helper threads. */
    void execute(Runnable r);

    /** Hands a worker's service call to the runtime's services. */
    void dispatch(ServiceCall call);

    /** Completes the stats request a worker answered. */
    void completeStats(StatsReply reply);

    /**
     * Writes a message to a worker.
     *
     * @return false when the hub cannot route to it yet
     */
    boolean send(String peer, WireMessage m, List<byte[]> frames);

    /** When the hub last heard from a worker (epoch millis), or 0. */
    long lastHeardMillis(String peer);

    /** The runtime's supervisor as its hub's handlers see it. */
    static HubHost of(Supervisor s) {
        return new HubHost() {
            @Override
            public WorkerHandle worker(String id) {
                return s.worker(id);
            }

            @Override
            public List<WorkerHandle> workers() {
                return s.workers();
            }

            @Override
            public boolean isClosed() {
                return s.isClosed();
            }

            @Override
            public boolean workersOnThisHost() {
                return s.workersOnThisHost();
            }

            @Override
            public RuntimeSettings settings() {
                return s.settings();
            }

            @Override
            public void schedule(Runnable r, long delayMillis) {
                s.schedule(r, delayMillis);
            }

            @Override
            public void execute(Runnable r) {
                s.execute(r);
            }

            @Override
            public void dispatch(ServiceCall call) {
                s.services().dispatch(call);
            }

            @Override
            public void completeStats(StatsReply reply) {
                s.completeStats(reply);
            }

            @Override
            public boolean send(String peer, WireMessage m, List<byte[]> frames) {
                return s.hub().send(peer, m, frames);
            }

            @Override
            public long lastHeardMillis(String peer) {
                return s.hub().lastHeardMillis(peer);
            }
        };
    }
}
