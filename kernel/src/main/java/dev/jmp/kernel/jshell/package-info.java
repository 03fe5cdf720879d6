/**
 * JShell evaluation inside the kernel JVM: the local execution control, the loader delegate
 * that records the bytecode of every class JShell loads ({@link dev.jmp.kernel.jshell.ClassRecorder},
 * the kernel's {@link dev.jmp.spi.ClassSource}), cell splitting into snippets, and the
 * translation of compile errors and exceptions into what the user sees.
 */
package dev.jmp.kernel.jshell;
