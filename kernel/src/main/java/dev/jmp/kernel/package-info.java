/**
 * The jmp Jupyter kernel: {@link dev.jmp.kernel.JmpKernel} (cells, magics, completion,
 * interrupt) and {@link dev.jmp.kernel.KernelMain}, the process entry point.
 *
 * <p>Sub-packages: {@code jshell} (evaluation and class recording), {@code protocol} (the
 * Jupyter message handlers that replace basekernel's), {@code io} (streams into cells),
 * {@code display} (rich output), {@code maven} ({@code %maven} resolution).
 */
package dev.jmp.kernel;
