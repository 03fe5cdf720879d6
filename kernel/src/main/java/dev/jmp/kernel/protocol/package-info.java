/**
 * Jupyter message handlers that replace basekernel 2.3.0's where it falls short: execute
 * (interrupts reported as errors, output kept flowing after the reply), kernel_info (with
 * {@code status}), history (basekernel never replies), interrupt and shutdown (with
 * {@code status}, and the kernel's clean-up).
 *
 * <p>The handlers see the kernel only through {@link dev.jmp.kernel.protocol.CellRunner},
 * {@link dev.jmp.kernel.protocol.KernelIdentity} and the interrupt and shutdown actions
 * {@link dev.jmp.kernel.protocol.ProtocolHandlers#install} is given, so this package does not
 * depend on the kernel package that installs it.
 */
package dev.jmp.kernel.protocol;
