/** Magics about the kernel itself, such as {@code %lsmagic}. */
package dev.jmp.magics.core;
