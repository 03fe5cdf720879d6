package dev.jmp.internal.supervisor;

import dev.jmp.internal.wire.WireCodec;
import dev.jmp.internal.worker.WorkerBootstrap;
import dev.jmp.internal.worker.WorkerMain;
import dev.jmp.launch.LaunchSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * How a worker's JVM is started: which java, with which options in which order, and what it reads
 * on its standard input. The rules:
 * <ul>
 * <li>JVM options come in the order jmp's defaults, the class-data sharing archive, the runtime's
 * options, the worker's own options: a later option overrides an earlier one, so what the user
 * asked for wins over what jmp chose.</li>
 * <li>The archive belongs to the worker's java (each JDK has its own, see {@link CdsArchive}); a
 * start that asked for none (the archive's own training worker) runs without it, as does one
 * whose user options choose an archive themselves.</li>
 * <li>The bootstrap (key, endpoints, credential) travels on standard input, one JSON line, never
 * on the command line where other users could read it.</li>
 * </ul>
 */
final class LaunchPlan {

    private LaunchPlan() {
    }

    /**
     * Whether a worker with these options starts with a class archive (of its own JDK): not the
     * training worker, and not when the user's options choose or make an archive themselves.
     */
    static boolean usesArchive(boolean archiveWanted, WorkerOptions options, List<String> runtimeOptions) {
        return archiveWanted && !ArchiveOptions.userChoosesArchive(runtimeOptions)
                && !ArchiveOptions.userChoosesArchive(options.jvmOptions());
    }

    /**
     * The launch of one worker.
     *
     * @param boot           its bootstrap
     * @param options        its own options (JVM options, environment, java home)
     * @param runtimeOptions the runtime's JVM options for every worker
     * @param defaults       jmp's JVM options for every worker
     * @param classpath      the worker's classpath
     * @param archive        the archive's options for a Java home (null: this JVM's) and a classpath
     *                       (used only if {@code withArchive})
     * @param withArchive    whether the archive is used (see {@link #usesArchive})
     * @return what the launcher starts
     */
    static LaunchSpec spec(WorkerBootstrap boot, WorkerOptions options, List<String> runtimeOptions,
            List<String> defaults, List<Path> classpath, BiFunction<Path, List<Path>, List<String>> archive,
            boolean withArchive) {
        List<String> jvm = new ArrayList<>(defaults);
        if (withArchive) {
            jvm.addAll(archive.apply(options.javaHome(), classpath));
        }
        jvm.addAll(runtimeOptions);
        jvm.addAll(options.jvmOptions());
        Path javaHome = options.javaHome() != null ? options.javaHome() : Path.of(System.getProperty("java.home"));
        return new LaunchSpec(boot.workerId(), javaHome, jvm, classpath, WorkerMain.class.getName(), options.env(),
                null, (WireCodec.gson().toJson(boot) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
