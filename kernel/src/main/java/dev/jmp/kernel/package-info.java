/**
 * The jmp Jupyter kernel: {@link dev.jmp.kernel.JmpKernel} (cells, magics, completion,
 * interrupt), which starts JShell with {@code JShellStartup} and runs cell code with
 * {@code CodeRunner}, and {@link dev.jmp.kernel.KernelMain}, the process entry point; the magics that run
 * cell code ({@code %time}/{@code %%time}, {@code %load}) and the environment settings
 * ({@code JMP_*}, IJava's {@code IJAVA_*}: class path, start-up scripts, compiler options, time limit).
 *
 * <p>Sub-packages: {@code jshell} (evaluation and class recording), {@code protocol} (the
 * Jupyter message handlers that replace basekernel's), {@code io} (streams into cells),
 * {@code display} (rich output), {@code maven} ({@code %maven} resolution, {@code %mavenRepo}).
 */
package dev.jmp.kernel;
