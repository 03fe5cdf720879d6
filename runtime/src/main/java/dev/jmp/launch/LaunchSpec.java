package dev.jmp.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to start.
 *
 * @param workerId   the worker's id (also for naming and logs)
 * @param javaHome   the JDK or JRE to run
 * @param jvmOptions JVM options, before the main class
 * @param classpath  classpath entries
 * @param mainClass  the main class
 * @param env        extra environment variables
 * @param workDir    working directory, or {@code null} for the parent's
 * @param bootstrap  bytes written to the worker's standard input (the secret bootstrap)
 */
public record LaunchSpec(String workerId, Path javaHome, List<String> jvmOptions, List<Path> classpath,
                         String mainClass, Map<String, String> env, Path workDir, byte[] bootstrap) {
}
