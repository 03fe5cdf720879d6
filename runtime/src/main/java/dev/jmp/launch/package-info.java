/**
 * How worker JVMs are started: the {@link dev.jmp.launch.Launcher} interface, chosen by short
 * name through {@link java.util.ServiceLoader} ({@link dev.jmp.launch.Launchers}), the
 * {@code local} implementation, what a launch is given ({@link dev.jmp.launch.LaunchSpec}) and
 * the exit codes workers use. The supervisor (internal) decides the classpath and options.
 */
package dev.jmp.launch;
