/**
 * The parent's side of the workers: the {@link dev.jmp.internal.supervisor.Supervisor} owns the hub,
 * starts workers through a launcher, a few at a time ({@code LaunchQueue}),
 * keeps a warm set, serves classes and services, watches heartbeats, start timeouts and exits
 * (killing a worker that never connects, loses messages, or falls silent, a remote one for the
 * heartbeat timeout, a live local one only for the long local bound, always with the reason in
 * words), reads and routes worker output, and stops everything at exit.
 */
package dev.jmp.internal.supervisor;
