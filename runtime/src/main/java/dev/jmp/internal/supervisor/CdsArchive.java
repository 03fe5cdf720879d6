package dev.jmp.internal.supervisor;

import dev.jmp.internal.util.DeadOwners;
import dev.jmp.launch.WorkerJava;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class archive of the worker's own classes (JDK, runtime, JeroMQ, Gson), made once per JDK
 * and classpath under the cache directory, so a cold worker maps its classes instead of parsing
 * and verifying them: Java 25's ahead-of-time cache for workers on 25 or later (classes also
 * linked, method profiles kept), the dynamic class-data sharing archive before (see
 * {@link ArchiveOptions}). The first time, a training worker runs a representative task; workers
 * started before it finishes run without the archive. Classpaths with directories (a development
 * build) get no archive, since the JVM archives classes from jars only.
 */
final class CdsArchive {

    private static final System.Logger LOG = System.getLogger("dev.jmp.supervisor");
    /** Archives in training: {@code <name>.<jsa|aot>.<owner>.tmp}, an AOT training's configuration {@code ...tmp.conf}. */
    private static final java.util.regex.Pattern TRAINING =
            java.util.regex.Pattern.compile(".*\\.(?:jsa|aot)\\.(\\d+(?:-\\d+)?)\\.tmp(?:\\.conf)?");
    private final RuntimeSettings settings;
    /** The archives this runtime trains or trained: one attempt each per runtime. */
    private final Set<Path> training = ConcurrentHashMap.newKeySet();
    /**
     * Trainings started by this process, per archive, over all its runtimes. A runtime shut down
     * before its training finished (a test, a short program) kills it, and a process that makes
     * runtime after runtime would otherwise pay a training worker in each of them.
     */
    private static final Map<Path, Integer> ATTEMPTS = new ConcurrentHashMap<>();
    static final int MAX_ATTEMPTS = 2;
    /** Which JDK a Java home holds ({@code Optional.empty()}: none that an archive can name). */
    private final Map<Path, Optional<Jdk>> jdks = new ConcurrentHashMap<>();
    private final AotAssembly assembly = new AotAssembly();

    /** A worker's JDK: its release and what names its exact build. */
    record Jdk(Path home, int release, String identity) {
    }

    /** One archive: its JDK, its file, and whether it is the ahead-of-time cache. */
    record Target(Jdk jdk, Path file, boolean aot) {
    }

    CdsArchive(RuntimeSettings settings) {
        this.settings = settings;
    }

    /**
     * JVM options for a new worker: the archive if it exists.
     *
     * @param javaHome the worker's Java home, or null for this JVM's
     */
    List<String> options(Path javaHome, List<Path> classpath) {
        Target t = archiveFor(javaHome, classpath);
        if (t == null || !Files.isRegularFile(t.file())) {
            return List.of();
        }
        markUsed(t.file());
        return ArchiveOptions.use(t.aot(), t.file());
    }

    /** Archives not used for this long are deleted when a runtime starts: every new build of the jars makes new ones. */
    static final java.time.Duration UNUSED = java.time.Duration.ofDays(30);

    /** Moves an archive's modification time to now, at most once a day: it says when it was last used. */
    private static void markUsed(Path archive) {
        try {
            java.time.Instant now = java.time.Instant.now();
            if (Files.getLastModifiedTime(archive).toInstant().isBefore(now.minus(java.time.Duration.ofDays(1)))) {
                Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.from(now));
            }
        } catch (IOException e) {
            // another user's archive, or gone meanwhile: it is only a date
        }
    }

    /**
     * Deletes the archives no worker used for {@link #UNUSED} (older jars, older JDKs).
     *
     * @param cacheDir the runtime's cache directory
     * @param now      the time to measure from
     * @return how many were deleted
     */
    static int pruneUnused(Path cacheDir, java.time.Instant now) {
        int n = 0;
        try (var files = Files.newDirectoryStream(cacheDir.resolve("cds"), "worker-*.{jsa,aot}")) {
            for (Path f : files) {
                try {
                    if (Files.getLastModifiedTime(f).toInstant().isBefore(now.minus(UNUSED)) && Files.deleteIfExists(f)) {
                        n++;
                    }
                } catch (IOException e) {
                    // not ours to delete, or gone meanwhile
                }
            }
        } catch (IOException e) {
            // no cache folder yet
        }
        return n;
    }

    /**
     * Starts the training worker if the archive is missing, this runtime has not tried to make it
     * yet, and this process has not tried {@value #MAX_ATTEMPTS} times.
     */
    void trainIfMissing(Supervisor supervisor, Path javaHome, List<Path> classpath) {
        Target t = archiveFor(javaHome, classpath);
        if (t == null || Files.isRegularFile(t.file()) || !training.add(t.file())
                || ATTEMPTS.merge(t.file(), 1, Integer::sum) > MAX_ATTEMPTS) {
            return;
        }
        try {
            Files.createDirectories(t.file().getParent());
            CdsTraining.start(supervisor, t, trainingFile(t.file()), classpath, assembly);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "no class archive for workers", e);
        }
    }

    /** Stops a cache being assembled (at the runtime's shutdown): its process is this runtime's. */
    void close() {
        assembly.close();
    }

    /**
     * Removes the archives in training that dead runtimes left ({@code *.jsa.<pid>-<start>.tmp},
     * {@code *.aot.<pid>-<start>.tmp} and its {@code .conf}, or {@code *.jsa.<pid>.tmp} from
     * older versions): the training worker writes them, and its runtime moves the archive into
     * place, unless the runtime was killed first.
     *
     * @param cacheDir the runtime's cache directory
     * @return how many were removed
     */
    static int sweepDead(Path cacheDir) {
        return DeadOwners.sweep(cacheDir.resolve("cds"), "*.tmp*", TRAINING);
    }

    /** Where this process's training worker writes {@code archive} before it is moved into place. */
    static Path trainingFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + "." + DeadOwners.self() + ".tmp");
    }

    /** Moves a finished training archive into place; deletes {@code tmp} in any case. */
    static void install(Path tmp, Path archive) {
        try {
            if (!tmp.equals(archive) && Files.isRegularFile(tmp) && Files.size(tmp) > 0) {
                Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot install the class archive", e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // a stale temporary file is harmless
            }
        }
    }

    /** The archive for workers of this Java home and classpath, or null when there is none to use. */
    Target archiveFor(Path javaHome, List<Path> classpath) {
        if (!settings.classDataSharing()) {
            return null;
        }
        Path home = javaHome != null ? javaHome : Path.of(System.getProperty("java.home"));
        Jdk jdk = jdks.computeIfAbsent(home, CdsArchive::jdk).orElse(null);
        if (jdk == null) {
            return null;
        }
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((jdk.identity() + "|" + JvmDefaults.options()).getBytes(StandardCharsets.UTF_8));
            for (Path p : classpath) {
                if (!Files.isRegularFile(p)) {
                    return null;
                }
                d.update((p + "|" + Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis())
                        .getBytes(StandardCharsets.UTF_8));
            }
            String key = HexFormat.of().formatHex(d.digest(), 0, 12);
            boolean aot = ArchiveOptions.aot(jdk.release(), settings.aheadOfTimeCache());
            return new Target(jdk, settings.cacheDir().resolve("cds").resolve("worker-" + key + ArchiveOptions.suffix(aot)), aot);
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    /**
     * What a Java home holds: its release, and an identity that changes when the JDK does (its
     * path, its {@code release} file, the size and time of its class image).
     */
    static Optional<Jdk> jdk(Path home) {
        try {
            Path real = home.toRealPath();
            Path modules = real.resolve("lib").resolve("modules");
            String identity = real + "|" + Files.readString(real.resolve("release")) + "|"
                    + (Files.isRegularFile(modules) ? Files.size(modules) + "@" + Files.getLastModifiedTime(modules).toMillis() : "");
            return Optional.of(new Jdk(real, WorkerJava.release(real), identity));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "no class archive for workers on " + home, e);
            return Optional.empty();
        }
    }
}
