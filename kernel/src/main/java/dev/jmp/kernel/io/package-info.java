/**
 * The kernel's output to Jupyter: IOPub publishing under the right cell, and the process-wide
 * {@code System.out}/{@code System.err} that stream into the running cell (or, after it
 * ended, into the last one) while it runs; and the capture of the JVM's descriptors 1 and 2
 * ({@link dev.jmp.kernel.io.StdioCapture}), whose output (child processes started with
 * {@code inheritIO()}) goes to the running cell.
 */
package dev.jmp.kernel.io;
