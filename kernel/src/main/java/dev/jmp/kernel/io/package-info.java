/**
 * The kernel's output to Jupyter: IOPub publishing under the right cell, and the process-wide
 * {@code System.out}/{@code System.err} that stream into the running cell (or, after it
 * ended, into the last one) while it runs.
 */
package dev.jmp.kernel.io;
