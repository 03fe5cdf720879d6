/**
 * Functional interfaces whose lambdas can be sent to another process: tasks
 * ({@link dev.jmp.function.SerialCallable}, {@link dev.jmp.function.SerialRunnable}, and
 * {@link dev.jmp.function.SerialConsumer}/{@link dev.jmp.function.SerialBiConsumer} for process
 * bodies that take typed arguments), functions a
 * pool maps ({@link dev.jmp.function.SerialFunction}, {@link dev.jmp.function.SerialBiFunction},
 * {@link dev.jmp.function.StarFunction}), and the {@code Managed*} functions shared objects apply
 * in the manager. They depend on nothing else in jmp.
 */
package dev.jmp.function;
