/**
 * {@code %%spawn} and its companions {@code %wait} and {@code %terminate}: a cell body compiled
 * in the notebook runs in N new worker processes, their output streams into the cell, and a
 * summary table (or the failing workers' stack traces in cell lines) ends the cell.
 */
package dev.jmp.magics.spawn;
