package dev.jmp.launch;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * The command line {@code <javaHome>/bin/java <jvmOptions> -cp <classpath> <mainClass>}, as every
     * launcher that runs the worker's java directly puts it (locally, or after {@code srun}): one
     * place, so an option added for one launcher is not missing from another.
     */
    public List<String> javaCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaHome.resolve("bin").resolve("java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        List<String> cp = new ArrayList<>();
        for (Path p : classpath) {
            cp.add(p.toString());
        }
        cmd.add(String.join(File.pathSeparator, cp));
        cmd.add(mainClass);
        return cmd;
    }
}
