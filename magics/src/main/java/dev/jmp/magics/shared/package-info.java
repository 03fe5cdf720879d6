/**
 * {@code %%shared}: shared objects declared in a cell, living in the kernel's
 * {@link dev.jmp.shared.Manager}, used by workers as live references, shown in a live table.
 */
package dev.jmp.magics.shared;
