/**
 * JShell evaluation inside the kernel JVM: the local execution control, the loader delegate
 * that records the bytecode of every class JShell loads ({@link dev.jmp.kernel.jshell.ClassRecorder},
 * the kernel's {@link dev.jmp.spi.ClassSource}) after making their lambdas serializable
 * ({@link dev.jmp.kernel.jshell.LambdaSerializer}), cell splitting into snippets, and the
 * translation of compile errors, exceptions and JShell's names in messages
 * ({@link dev.jmp.kernel.jshell.NotebookText}) into what the user sees.
 */
package dev.jmp.kernel.jshell;
