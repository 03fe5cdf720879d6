/**
 * The machinery behind {@link dev.jmp.Pool}: jobs cut into chunks of items, credit-based
 * dispatch to the pool's workers with adaptive chunk sizes, per-item results, retries and
 * replacement of dead workers (only the item a worker was running when it died is hit by the
 * death; see {@code DeathTriage}) and cancellation. The scheduler gets its workers from a
 * {@link dev.jmp.internal.supervisor.TaskWorkers} (the pool's runtime), never from a static.
 * {@code PoolScheduler} keeps the pool's state (workers, running, closed, terminated) and its lock;
 * {@code PendingWork} holds the work not yet done, {@code ChunkDispatch} moves chunks to and from
 * workers, {@code StartupFailures} decides when a pool is broken, {@code SlotRegrowth} brings it back to its size after a host returns, {@code PoolTermination} waits for its end.
 * {@code Completions} owns the threads that hand results to user code: views of results complete
 * on an executor that is never shut down, and a callback that throws is reported, not lost.
 */
package dev.jmp.internal.pool;
