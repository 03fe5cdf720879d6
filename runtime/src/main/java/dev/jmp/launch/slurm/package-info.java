/**
 * The {@code slurm} launcher: one {@code srun} job per worker, with its options
 * ({@link dev.jmp.launch.slurm.SlurmOptions}), the scheduler's pending reason reported while a job
 * waits, a queue timeout, and {@code scancel} whenever the runtime lets go of a job (stop, shutdown,
 * or the death of the parent process), so no job outlives the program that asked for it.
 */
package dev.jmp.launch.slurm;
