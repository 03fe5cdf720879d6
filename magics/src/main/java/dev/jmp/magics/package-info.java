/**
 * Jupyter magics of the jmp kernel and the seam through which they are registered.
 *
 * <p>A magic never receives the kernel: it receives the callbacks it needs (add to the class
 * path, resolve an artifact, write to the cell's streams). {@link dev.jmp.magics.MagicCatalog}
 * wraps basekernel's registry and adds the one-line help {@code %lsmagic} shows and the
 * {@code --help} every magic answers; {@link dev.jmp.magics.MagicsProvider} lets a magic set
 * register itself with the {@link dev.jmp.magics.KernelCallbacks} it needs.
 *
 * <p>A magic declares each option once, as a {@link dev.jmp.magics.MagicOption} (name, aliases,
 * value type and checks, default, help line); {@link dev.jmp.magics.MagicOptions} derives its
 * synopsis, {@code --help} text, parsing and error messages from those declarations. A cell
 * that fails, in a magic or in JShell, fails with a {@link dev.jmp.magics.CellFailure}: the
 * error name, value and traceback the kernel reports.
 */
package dev.jmp.magics;
