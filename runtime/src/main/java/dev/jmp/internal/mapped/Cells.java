package dev.jmp.internal.mapped;

/**
 * A backend holding the elements of one shared value (one cell) or shared array (many cells).
 *
 * <p>The public shared types ({@code dev.jmp.shared.SharedLong} and friends) delegate every operation
 * to a backend of the matching kind ({@link IntCells}, {@link LongCells}, {@link DoubleCells}).
 * On one host the backend is a memory-mapped file ({@link MappedCells}); a backend that talks
 * to the owner's manager over the wire plugs in through {@link RemoteCells} for processes on
 * other hosts. Every operation on a single element must be atomic and linearizable across all
 * processes sharing the object.
 */
public interface Cells {

    /**
     * Returns the element kind.
     *
     * @return the kind of every element
     */
    ElementKind kind();

    /**
     * Returns the number of elements (1 for a value).
     *
     * @return the length, at least 1
     */
    int length();

    /**
     * Returns the name used in error messages, for example {@code SharedLong#3@pid4242}.
     *
     * @return a name that identifies the shared object across processes
     */
    String name();

    /**
     * Returns what travels when the shared object is serialized: opening it in another process
     * yields a backend on the same elements.
     *
     * @return a serializable reference to these cells
     */
    CellsRef ref();

    /**
     * Tells whether this backend created the elements (and so frees them on {@link #close()}).
     *
     * @return {@code true} in the owner process for the object that created the elements
     */
    boolean isOwner();

    /**
     * Releases the elements. The owner frees them for every process: any later use anywhere
     * fails with an {@link IllegalStateException}. A non-owner only stops using them here.
     * Idempotent.
     */
    void close();
}
