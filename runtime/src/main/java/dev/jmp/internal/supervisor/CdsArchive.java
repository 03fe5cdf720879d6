package dev.jmp.internal.supervisor;

import dev.jmp.internal.util.DeadOwners;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The class-data sharing archive of the worker's own classes (JDK, runtime, JeroMQ, Gson), made
 * once per JDK and classpath under the cache directory, so a cold worker maps its classes
 * instead of parsing and verifying them. The first time, a training worker runs a
 * representative task with {@code -XX:ArchiveClassesAtExit}; workers started before it finishes
 * run without the archive. Classpaths with directories (a development build) get no archive,
 * since the JVM archives classes from jars only.
 */
final class CdsArchive {

    private static final System.Logger LOG = System.getLogger("dev.jmp.supervisor");
    /** The JVM reports archive warnings on stdout, where they would look like task output. */
    static final String QUIET = "-Xlog:cds=off";
    static final String QUIET_DYNAMIC = "-Xlog:cds+dynamic=off";
    private static final java.util.regex.Pattern TRAINING = java.util.regex.Pattern.compile(".*\\.jsa\\.(\\d+(?:-\\d+)?)\\.tmp");
    private final RuntimeSettings settings;
    private final AtomicBoolean training = new AtomicBoolean();

    CdsArchive(RuntimeSettings settings) {
        this.settings = settings;
    }

    /** JVM options for a new worker: the archive if it exists. */
    List<String> options(List<Path> classpath) {
        Path archive = archiveFor(classpath);
        if (archive == null || !Files.isRegularFile(archive)) {
            return List.of();
        }
        return List.of("-XX:SharedArchiveFile=" + archive, QUIET, QUIET_DYNAMIC);
    }

    /** Starts the training worker if the archive is missing and no training runs yet. */
    void trainIfMissing(Supervisor supervisor, List<Path> classpath) {
        Path archive = archiveFor(classpath);
        if (archive == null || Files.isRegularFile(archive) || !training.compareAndSet(false, true)) {
            return;
        }
        try {
            Files.createDirectories(archive.getParent());
            Path tmp = trainingFile(archive);
            CdsTraining.start(supervisor, tmp, archive);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "no class-data sharing archive for workers", e);
        }
    }

    /**
     * Removes the archives in training that dead runtimes left ({@code *.jsa.<pid>-<start>.tmp},
     * or {@code *.jsa.<pid>.tmp} from older versions): the training worker writes it when it
     * exits, and its runtime moves it into place, unless the runtime was killed first.
     *
     * @param cacheDir the runtime's cache directory
     * @return how many were removed
     */
    static int sweepDead(Path cacheDir) {
        return DeadOwners.sweep(cacheDir.resolve("cds"), "*.jsa.*.tmp", TRAINING);
    }

    /** Where this process's training worker writes {@code archive} before it is moved into place. */
    static Path trainingFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + "." + DeadOwners.self() + ".tmp");
    }

    /** Moves a finished training archive into place. */
    static void install(Path tmp, Path archive) {
        try {
            if (Files.isRegularFile(tmp) && Files.size(tmp) > 0) {
                Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot install the class-data sharing archive", e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // a stale temporary file is harmless
            }
        }
    }

    private Path archiveFor(List<Path> classpath) {
        if (!settings.classDataSharing()) {
            return null;
        }
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((System.getProperty("java.home") + "|" + System.getProperty("java.vm.version") + "|"
                    + JvmDefaults.options()).getBytes(StandardCharsets.UTF_8));
            for (Path p : classpath) {
                if (!Files.isRegularFile(p)) {
                    return null;
                }
                d.update((p + "|" + Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis())
                        .getBytes(StandardCharsets.UTF_8));
            }
            String key = HexFormat.of().formatHex(d.digest(), 0, 12);
            return settings.cacheDir().resolve("cds").resolve("worker-" + key + ".jsa");
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }
}
