/**
 * Which notebook variables shipped code reads, and copying their values into a worker.
 *
 * <p>JShell keeps each top-level variable as a {@code public static} (never {@code final})
 * field of a wrapper class in package {@code REPL}, each method as a static method of a
 * wrapper class, and each lambda as a synthetic static method of the wrapper class of its
 * cell. A worker defines those classes from the kernel's recorded bytes, so their static
 * fields start at their defaults. Before a task is dispatched:
 * <ol>
 *   <li>{@link dev.jmp.magics.scan.StaticReadAnalyzer} walks the bytecode reachable from the
 *       task (read with {@link dev.jmp.magics.scan.ClassFileReader}, which uses
 *       ASM) and lists the static fields of
 *       notebook classes it reads;</li>
 *   <li>{@link dev.jmp.magics.scan.StaticSnapshot#capture} encodes their current values in the
 *       kernel, naming every variable that cannot be sent;</li>
 *   <li>{@link dev.jmp.magics.scan.StaticSnapshot#install} sets them on the worker's copies of
 *       the classes before the task runs.</li>
 * </ol>
 * The worker thus sees a copy of the notebook's state at dispatch time, and its changes do not
 * flow back, as the tutorials teach for processes.
 */
package dev.jmp.magics.scan;
