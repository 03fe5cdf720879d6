package dev.jmp.internal.wire.message;


/**
 * Parent to worker: the worker now belongs to an owner (a pool or a process) and takes this
 * identity, which tasks read through {@code dev.jmp.Worker}.
 *
 * @param index the worker's index within its owner (0-based)
 * @param name  the worker's name (for example {@code PoolWorker-2} or a process name)
 */
public record Assign(int index, String name) implements WireMessage {
}
