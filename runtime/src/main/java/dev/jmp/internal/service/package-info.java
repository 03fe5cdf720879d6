/**
 * Named services hosted in the parent and called from any process: the generic request/reply
 * mechanism over the wire, the registry that dispatches calls, and the
 * built-in queue service behind {@code Queue}, {@code JoinableQueue}, {@code SimpleQueue} and
 * {@code Pipe}, and the direct call channels a busy worker opens beside JeroMQ
 * ({@link dev.jmp.internal.service.ChannelService}). The shared-object manager plugs in here as another
 * service. In a worker's own runtime, calls for what it does not host go on to its parent
 * ({@link dev.jmp.internal.service.ParentForwarder}), so its children reach what an ancestor hosts:
 * a queue id carries the token of the runtime that made it, and a registry tells its services
 * when a process under one of its children died ({@code $ gone}), so what that process held comes
 * back while the child lives.
 *
 * <p>One blocking queue serves both the queue service and the manager's queues:
 * {@link dev.jmp.internal.service.ItemQueue}, encoded items with parked gets and puts. Every
 * call that waits in a service, there and in the manager's other objects, is a
 * {@link dev.jmp.internal.service.ParkedCall}, which handles withdrawal and timeouts once. The
 * queue service's operations are {@link dev.jmp.internal.service.QueueOp}; a queue calls them
 * through a {@link dev.jmp.internal.service.QueueCalls} it is given (its runtime's client, or a
 * worker's link to its parent), never through a lookup of a runtime.
 */
package dev.jmp.internal.service;
