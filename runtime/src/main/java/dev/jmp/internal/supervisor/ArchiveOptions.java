package dev.jmp.internal.supervisor;

import java.nio.file.Path;
import java.util.List;

/**
 * The JVM options behind a worker's class archive, which depend on the worker's Java release:
 * Java 25 and later get the ahead-of-time cache (JEP 483, 514, 515: classes loaded and linked,
 * and method profiles, from a training run), older releases the dynamic class-data sharing
 * archive (classes parsed and verified). Both are made once per JDK and classpath by a training
 * worker; every option here is also chosen so the JVM reports nothing on stdout, where a worker's
 * lines would look like task output.
 */
final class ArchiveOptions {

    /** The first release whose workers use the ahead-of-time cache. */
    static final int AOT_RELEASE = 25;

    /**
     * Options that choose or make a class archive themselves: with one of them among the user's
     * options, jmp adds none of its own (the JVM refuses to start with {@code -XX:AOTCache} and
     * {@code -Xshare:off} together, for example).
     */
    private static final List<String> USER_ARCHIVE_OPTIONS = List.of("-Xshare", "-XX:SharedArchiveFile",
            "-XX:ArchiveClassesAtExit", "-XX:SharedClassListFile", "-XX:DumpLoadedClassList", "-XX:+AutoCreateSharedArchive",
            "-XX:AOTCache", "-XX:AOTMode", "-XX:AOTConfiguration", "-XX:AOTCacheOutput", "-XX:+AOTClassLinking");

    private ArchiveOptions() {
    }

    /**
     * Whether workers of this Java release use the ahead-of-time cache (else a CDS archive).
     *
     * @param allowed false when the ahead-of-time cache is turned off ({@code -Djmp.noaot=true})
     */
    static boolean aot(int release, boolean allowed) {
        return allowed && release >= AOT_RELEASE;
    }

    /** The archive file's extension: {@code .aot} or {@code .jsa}. */
    static String suffix(boolean aot) {
        return aot ? ".aot" : ".jsa";
    }

    /** The options that silence the JVM's reports about archives (it prints them on stdout). */
    static List<String> quiet(boolean aot) {
        return aot ? List.of("-Xlog:aot=off", "-Xlog:cds=off") : List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /**
     * Options for a worker that starts with a finished archive. An unreadable or foreign file is
     * ignored by the JVM (the default {@code -XX:AOTMode=auto}, or {@code -Xshare:auto}), so the
     * worker starts without it.
     */
    static List<String> use(boolean aot, Path archive) {
        return with(aot ? "-XX:AOTCache=" + archive : "-XX:SharedArchiveFile=" + archive, aot);
    }

    /**
     * Options for the training worker. On Java 25 and later it records the classes it loads and
     * its method profiles into a configuration file, which {@link #create} then turns into the
     * cache (the JVM's one-step {@code -XX:AOTCacheOutput} would start that second JVM itself, as
     * a child the runtime could not stop at its shutdown); before 25 it writes the archive at exit.
     *
     * @param aot    whether the archive is the ahead-of-time cache
     * @param output the configuration file (the cache) or the archive (dynamic CDS)
     */
    static List<String> train(boolean aot, Path output) {
        if (aot) {
            return List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + output, "-Xlog:aot=off", "-Xlog:cds=off");
        }
        return with("-XX:ArchiveClassesAtExit=" + output, false);
    }

    /**
     * The options of the JVM that makes the ahead-of-time cache from a training run's
     * configuration (Java 25 and later; it runs no main class).
     */
    static List<String> create(Path configuration, Path cache) {
        return List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + configuration, "-XX:AOTCache=" + cache,
                "-Xlog:aot=off", "-Xlog:cds=off");
    }

    /** Whether the user's JVM options choose or make a class archive themselves (then jmp adds none). */
    static boolean userChoosesArchive(List<String> userOptions) {
        for (String o : userOptions) {
            for (String a : USER_ARCHIVE_OPTIONS) {
                if (o.equals(a) || o.startsWith(a + "=") || (a.equals("-Xshare") && o.startsWith("-Xshare:"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> with(String option, boolean aot) {
        List<String> q = quiet(aot);
        return List.of(option, q.get(0), q.get(1));
    }
}
