package dev.jmp.internal.pool;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The end of a pool: completes when every worker has exited after close or terminate, and waits for it. */
final class PoolTermination {

    private final CompletableFuture<Void> terminated = new CompletableFuture<>();

    /** Every worker has exited. */
    void done() {
        terminated.complete(null);
    }

    CompletableFuture<Void> future() {
        return terminated;
    }

    /** Waits for every worker to exit; returns whether they did within the timeout. */
    boolean await(Duration timeout) {
        try {
            terminated.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /**
     * Waits for the workers to exit even when the caller's interrupt flag is set: the usual
     * caller is a cell being interrupted, and returning at once would let the cell end while its
     * workers still run (the flag is kept for the caller). The kills come after the grace; the
     * bound beyond it is only a hang detector.
     */
    void awaitThroughInterrupts(Duration grace) {
        boolean interrupted = Thread.interrupted();
        try {
            long deadline = System.nanoTime() + grace.plusSeconds(60).toNanos();
            while (true) {
                try {
                    terminated.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (TimeoutException | ExecutionException e) {
                    return;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
