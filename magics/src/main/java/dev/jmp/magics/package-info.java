/**
 * Jupyter magics of the jmp kernel and the seam through which they are registered.
 *
 * <p>A magic never receives the kernel: it receives the callbacks it needs (add to the class
 * path, resolve an artifact, write to the cell's streams). {@link dev.jmp.magics.MagicCatalog}
 * wraps basekernel's registry and adds the one-line help {@code %lsmagic} shows and the
 * {@code --help} every magic answers; {@link dev.jmp.magics.MagicsProvider} lets a magic set
 * register itself with the {@link dev.jmp.magics.KernelCallbacks} it needs.
 */
package dev.jmp.magics;
