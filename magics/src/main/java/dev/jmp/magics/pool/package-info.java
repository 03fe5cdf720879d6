/**
 * {@code %%pool}: the cell body computes one item's value; a pool of worker processes computes it
 * for every item, with a live progress display, output labelled by item, and the results bound
 * to a typed list.
 */
package dev.jmp.magics.pool;
