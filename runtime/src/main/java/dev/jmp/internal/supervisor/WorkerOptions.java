package dev.jmp.internal.supervisor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a worker must be started, beyond the runtime's defaults. Workers with default options can
 * come from the warm set; any other option needs a fresh JVM.
 *
 * @param jvmOptions extra JVM options
 * @param env        extra environment variables
 * @param javaHome   the Java home to run the worker with (checked by
 *                   {@link dev.jmp.launch.WorkerJava#home}), or null for the one running this runtime
 */
public record WorkerOptions(List<String> jvmOptions, Map<String, String> env, Path javaHome) {

    /** No extra options. */
    public static final WorkerOptions DEFAULT = new WorkerOptions(List.of(), Map.of());

    /** Creates options, copying the arguments. */
    public WorkerOptions {
        jvmOptions = List.copyOf(jvmOptions);
        env = Map.copyOf(env);
    }

    /** Creates options for workers on the Java running this runtime. */
    public WorkerOptions(List<String> jvmOptions, Map<String, String> env) {
        this(jvmOptions, env, null);
    }

    /** Whether these are the defaults (so a warm worker fits). */
    public boolean isDefault() {
        return jvmOptions.isEmpty() && env.isEmpty() && javaHome == null;
    }
}
