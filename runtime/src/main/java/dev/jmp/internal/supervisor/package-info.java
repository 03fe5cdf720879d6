/**
 * The parent's side of the workers: a {@link dev.jmp.internal.supervisor.Supervisor}, one per runtime
 * and reached only through the objects it was handed to (the default runtime's is held by
 * {@link dev.jmp.internal.supervisor.DefaultSupervisor} for the convenience API), owns the hub,
 * starts workers through a launcher, a few at a time ({@code LaunchQueue}), keeps a warm set,
 * serves classes and services, watches heartbeats, start timeouts and exits (killing a worker that
 * never connects, loses messages, or falls silent, a remote one for the heartbeat timeout, a live
 * local one only for the long local bound, always with the reason in words), reads and routes
 * worker output, and stops everything at exit. Owners of workers see them through
 * {@link dev.jmp.internal.supervisor.TaskWorkers} and {@link dev.jmp.internal.supervisor.TaskWorker},
 * so a scheduler can be tested with fakes; the warm set sees the supervisor as a
 * {@link dev.jmp.internal.supervisor.WarmSet.Host} and its workers as
 * {@link dev.jmp.internal.supervisor.WarmSet.Idle}, so its decisions are tested the same way.
 *
 * <p>The supervisor composes parts with one role each: {@code WorkerSpawner} takes a worker from
 * its handle and bootstrap through its launch slot and launch ({@code LaunchPlan} decides the
 * command) to its exit and retirement; {@code HubHandlers} handles what workers send, seeing the
 * runtime as a {@code HubHost}; {@code RuntimeMembers} decides what is joined or terminated, in
 * which order, at exit, program end and shutdown; {@code StatsRequests} pairs stats replies with
 * their requests. A {@link dev.jmp.internal.supervisor.WorkerHandle} sees its runtime as a
 * {@code WorkerHost}; its messages wait in a {@code WorkerMailbox} and its output state is a
 * {@code WorkerOutput}. Each seam has a fake in the tests ({@code FakeRuntime}), so these
 * decisions are unit-tested without a hub or a JVM.
 */
package dev.jmp.internal.supervisor;
