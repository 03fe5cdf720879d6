package dev.jmp.internal.mapped;

/**
 * Opens cells that live in shared memory on another host, by asking their owner over the wire
 * (the manager backend). Installed with {@link RemoteCells#install(RemoteCellsFactory)}.
 */
@FunctionalInterface
public interface RemoteCellsFactory {

    /**
     * Opens a backend that forwards every operation to the owner of the mapped cells.
     *
     * @param ref the mapped reference, naming the owner's host, pid and file
     * @return a backend whose kind and length match {@code ref}
     */
    Cells open(MappedRef ref);
}
