/**
 * {@code %workers}: the kernel's worker processes as a table, read from the runtime and from
 * the operating system, and the settings new workers start with.
 */
package dev.jmp.magics.workers;
