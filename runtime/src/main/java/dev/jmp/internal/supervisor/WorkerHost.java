package dev.jmp.internal.supervisor;

import dev.jmp.internal.wire.message.WireMessage;
import java.util.List;

/**
 * What a {@link WorkerHandle} needs from its runtime: a route to its process, the runtime's
 * state, a timer, and the launch queue. The seam through which the handle and the hub's handlers
 * are unit-tested without a hub or a JVM.
 */
interface WorkerHost {

    /**
     * Writes a message to a worker.
     *
     * @return false when the hub cannot route to it yet (its connection is being made or remade)
     */
    boolean route(String workerId, WireMessage m, List<byte[]> frames);

    /** Whether the runtime was shut down. */
    boolean isClosed();

    /** Whether workers run on this host, where each side watches the other's process. */
    boolean workersOnThisHost();

    /** How long a live worker on this host may stay unreachable ({@link RuntimeSettings#localSilenceMillis()}). */
    long localSilenceMillis();

    /** Runs {@code r} on the runtime's timer after {@code delayMillis} (not at all once shut down). */
    void schedule(Runnable r, long delayMillis);

    /** Remembers a function just sent, so warm workers can load it before they are needed. */
    void noteFunction(ShippedFunction fn);

    /** Ends a worker stopped before its launch began. */
    void abandonLaunch(WorkerHandle w);

    /** The runtime's supervisor and its spawner as seen by the handles the spawner makes. */
    static WorkerHost of(Supervisor s, WorkerSpawner spawner) {
        return new WorkerHost() {
            @Override
            public boolean route(String workerId, WireMessage m, List<byte[]> frames) {
                return s.hub().send(workerId, m, frames);
            }

            @Override
            public boolean isClosed() {
                return s.isClosed();
            }

            @Override
            public boolean workersOnThisHost() {
                return spawner.onThisHost();
            }

            @Override
            public long localSilenceMillis() {
                return s.settings().localSilenceMillis();
            }

            @Override
            public void schedule(Runnable r, long delayMillis) {
                s.schedule(r, delayMillis);
            }

            @Override
            public void noteFunction(ShippedFunction fn) {
                spawner.noteFunction(fn);
            }

            @Override
            public void abandonLaunch(WorkerHandle w) {
                spawner.abandonLaunch(w);
            }
        };
    }
}
