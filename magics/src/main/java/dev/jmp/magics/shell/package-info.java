/** Magics that run shell commands and stream their output into the cell: {@code %sh}, {@code %%sh}. */
package dev.jmp.magics.shell;
