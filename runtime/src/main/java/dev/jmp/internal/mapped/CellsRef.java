package dev.jmp.internal.mapped;

import java.io.Serializable;

/**
 * The serialized form of a {@link Cells} backend: what a proxy carries to another process so
 * that it can reach the same elements there.
 */
public interface CellsRef extends Serializable {

    /**
     * Returns the element kind.
     *
     * @return the kind of the referenced elements
     */
    ElementKind kind();

    /**
     * Returns the number of elements.
     *
     * @return the length of the referenced elements
     */
    int length();

    /**
     * Returns the name used in error messages.
     *
     * @return the shared object's name
     */
    String name();

    /**
     * Opens a backend on the referenced elements in this process.
     *
     * @return a non-owner backend whose kind matches {@link #kind()}
     * @throws IllegalStateException if the elements no longer exist or cannot be reached from
     *                               this process (for example from another host while no
     *                               {@link RemoteCellsFactory} is installed)
     */
    Cells open();
}
