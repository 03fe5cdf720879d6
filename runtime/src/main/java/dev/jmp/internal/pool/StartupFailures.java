package dev.jmp.internal.pool;

import dev.jmp.error.WorkerStartException;
import dev.jmp.internal.supervisor.WorkerExit;

/**
 * The rule that breaks a pool: when its workers die before they start three times in a row (a bad
 * JVM option, a class path that does not load), replacing them again would loop forever, so the
 * pool fails its work with the last death's cause instead. A worker that starts resets the count.
 */
final class StartupFailures {

    private static final int MAX_STARTUP_FAILURES = 3;

    private int count;

    /** A worker connected. */
    void started() {
        count = 0;
    }

    /**
     * Counts a worker's death if it had not started.
     *
     * @return the error that breaks the pool if too many workers in a row died before they started, else null
     */
    WorkerStartException died(boolean started, WorkerExit exit) {
        if (!started) {
            count++;
        }
        if (count < MAX_STARTUP_FAILURES) {
            return null;
        }
        return new WorkerStartException("the pool's workers keep dying before they start: " + exit.describe()
                + (exit.lastStderr().isEmpty() ? "" : "; last stderr lines:\n  " + String.join("\n  ", exit.lastStderr())));
    }
}
