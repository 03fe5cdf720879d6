/**
 * Jupyter message handlers that replace basekernel 2.3.0's where it falls short: execute
 * (interrupts reported as errors, output kept flowing after the reply), kernel_info (with
 * {@code status}), history (basekernel never replies), interrupt and shutdown (with
 * {@code status}, and the kernel's clean-up).
 */
package dev.jmp.kernel.protocol;
