/**
 * The {@code ssh} launcher: workers on other hosts, started through the system's {@code ssh}
 * client (its config, agent and keys), with the runtime's jars staged on each host by content
 * hash. Only {@link dev.jmp.launch.ssh.SshLauncher} is public (for {@link java.util.ServiceLoader});
 * the option parsing, staging, remote wrapper script and worker handle are its parts.
 */
package dev.jmp.launch.ssh;
