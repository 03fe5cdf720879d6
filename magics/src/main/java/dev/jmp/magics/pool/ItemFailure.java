package dev.jmp.magics.pool;

/**
 * An item whose computation failed.
 *
 * @param index the item's index in the input
 * @param item  the item
 * @param error what was thrown (a {@link dev.jmp.error.RemoteException}, a
 *              {@link dev.jmp.error.WorkerDiedException} ...)
 */
record ItemFailure(long index, Object item, RuntimeException error) {
}
