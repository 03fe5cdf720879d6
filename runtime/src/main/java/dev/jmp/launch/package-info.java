/**
 * How worker JVMs are started: the {@link dev.jmp.launch.Launcher} interface, chosen by short
 * name through {@link java.util.ServiceLoader} ({@link dev.jmp.launch.Launchers}), the
 * {@code local} implementation, the worker's classpath and JVM options, and the class-data
 * sharing archive that makes a cold start fast.
 */
package dev.jmp.launch;
