/**
 * The {@code slurm} launcher: one {@code sbatch} allocation per group and one {@code srun} job step
 * per worker in it, with its options ({@link dev.jmp.launch.slurm.SlurmOptions}), the scheduler's
 * pending reason reported while the allocation waits, a queue timeout, and {@code scancel} whenever
 * the runtime lets go of it (stop, shutdown, an interrupt while it waits, or the death of the parent
 * process), so no job outlives the program that asked for it.
 */
package dev.jmp.launch.slurm;
