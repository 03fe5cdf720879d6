/**
 * The parent's side of the workers: a {@link dev.jmp.internal.supervisor.Supervisor}, one per runtime
 * and reached only through the objects it was handed to (the default runtime's is held by
 * {@link dev.jmp.internal.supervisor.DefaultSupervisor} for the convenience API), owns the hub,
 * starts workers through a launcher, keeps a warm set, serves classes and services, watches
 * heartbeats, start timeouts and exits (killing a worker that falls silent, never connects or
 * loses messages, with the reason), reads and routes worker output, and stops everything at exit.
 * Owners of workers see them through {@link dev.jmp.internal.supervisor.TaskWorkers} and
 * {@link dev.jmp.internal.supervisor.TaskWorker}, so a scheduler can be tested with fakes.
 */
package dev.jmp.internal.supervisor;
