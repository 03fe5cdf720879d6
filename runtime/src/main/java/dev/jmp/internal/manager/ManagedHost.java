package dev.jmp.internal.manager;

import java.util.concurrent.ScheduledFuture;

/**
 * What a shared object needs from the service that hosts it: a timer for timeouts and lock
 * hand-offs, the names of holders for dead-holder reports, and the decoding of user values and
 * shipped functions. The {@link ManagerService} is the one host of a runtime; a unit test
 * drives the objects' decisions with a host of its own and fires timeouts when it chooses.
 */
interface ManagedHost {

    /** Runs {@code action} after {@code millis} on the host's timer thread. */
    ScheduledFuture<?> schedule(long millis, Runnable action);

    /** Runs {@code action} after {@code micros} on the host's timer thread. */
    ScheduledFuture<?> scheduleMicros(long micros, Runnable action);

    /** Notes a caller while it is alive, so it can be named after it died. */
    void remember(String peer);

    /** Names a holder for a dead-holder report: process, pid and thread (no thread when it is negative: a whole process). */
    String describe(Owner owner);

    /** The class loader user values decode in. */
    ClassLoader loader();

    /** Decodes a shipped function, reusing one decoded from the same bytes. */
    Object function(byte[] bytes);
}
