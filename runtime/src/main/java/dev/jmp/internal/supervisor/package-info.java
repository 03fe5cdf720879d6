/**
 * The parent's side of the workers: the {@link dev.jmp.internal.supervisor.Supervisor} owns the hub,
 * starts workers through a launcher, keeps a warm set, serves classes and services, watches
 * heartbeats, start timeouts and exits (killing a worker that falls silent, never connects or
 * loses messages, with the reason), reads and routes worker output, and stops everything at exit.
 */
package dev.jmp.internal.supervisor;
