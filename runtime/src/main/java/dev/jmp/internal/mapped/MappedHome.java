package dev.jmp.internal.mapped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import dev.jmp.internal.util.DeadOwners;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where this process keeps the files behind the shared objects it owns, and the cleaning of
 * them: one directory per owner process, {@code <root>/<pid>-<start>/}, removed at JVM
 * exit by a shutdown hook, and swept by the next process that starts when its owner died
 * without exiting normally (for example after {@code kill -9}).
 *
 * <p>The root is {@code /dev/shm/jmp-shm-<user>} when {@code /dev/shm} exists (memory, never
 * written back to disk), else {@code <java.io.tmpdir>/jmp-shm-<user>}; the system property
 * {@value #DIR_PROPERTY} overrides it. Owner directories are named by pid and start time
 * (see {@code ProcessStart}; {@link DeadOwners} sweeps) so that a reused pid does not make a dead owner's directory look
 * alive.
 */
public final class MappedHome {

    /** System property naming the root directory, overriding the default. */
    public static final String DIR_PROPERTY = "jmp.shm.dir";
    private static final Pattern OWNER_NAME = Pattern.compile("(\\d+-\\d+)");

    private static volatile MappedHome defaultHome;

    private final Path root;
    private final String ownerName;
    private final long pid;
    private final AtomicLong sequence = new AtomicLong();
    private final Set<OwnedFile> owned = ConcurrentHashMap.newKeySet();
    private volatile Path ownerDir;

    MappedHome(Path root) {
        this.root = root.toAbsolutePath();
        this.pid = ProcessHandle.current().pid();
        this.ownerName = DeadOwners.self();
    }

    /**
     * Returns this process's home, creating it (and sweeping stale directories of dead owners)
     * on first use.
     *
     * @return the home used by the public shared types
     */
    public static MappedHome get() {
        MappedHome home = defaultHome;
        if (home == null) {
            synchronized (MappedHome.class) {
                home = defaultHome;
                if (home == null) {
                    home = new MappedHome(defaultRoot());
                    home.sweepStale();
                    defaultHome = home;
                }
            }
        }
        return home;
    }

    /**
     * Returns the root directory holding every owner's directory.
     *
     * @return the absolute root
     */
    public Path root() {
        return root;
    }

    /**
     * Returns this process's own directory under the root (it exists only once this process
     * has created a shared object).
     *
     * @return {@code <root>/<pid>-<start>}
     */
    public Path ownerDirectory() {
        return root.resolve(ownerName);
    }

    /**
     * Removes the directories of owners that are no longer running. Directories whose name is
     * not an owner's are left alone.
     *
     * @return the number of directories removed
     */
    public int sweepStale() {
        return DeadOwners.sweep(root, "*", OWNER_NAME);
    }

    /**
     * Tells whether an owner directory name belongs to a process that is not running.
     *
     * @param name a directory name such as {@code 4242-81234}
     * @return {@code true} for a well-formed name whose process is gone
     */
    static boolean isDeadOwner(String name) {
        return OWNER_NAME.matcher(name).matches() && DeadOwners.isDead(name);
    }

    long pid() {
        return pid;
    }

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    /** Returns the owner directory, creating it and the exit hook that removes it. */
    Path ensureOwnerDirectory() {
        Path dir = ownerDir;
        if (dir != null) {
            return dir;
        }
        synchronized (this) {
            if (ownerDir == null) {
                Path created = ownerDirectory();
                try {
                    createPrivateDirectory(root);
                    createPrivateDirectory(created);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create the shared-memory directory "
                            + created + " (set -D" + DIR_PROPERTY + " to a writable directory)", e);
                }
                Runtime.getRuntime().addShutdownHook(
                        new Thread(this::removeAtExit, "jmp-shm-cleanup"));
                ownerDir = created;
            }
            return ownerDir;
        }
    }

    void remember(OwnedFile file) {
        owned.add(file);
    }

    void forget(OwnedFile file) {
        owned.remove(file);
    }

    private void removeAtExit() {
        for (OwnedFile file : List.copyOf(owned)) {
            file.run();
        }
        deleteTree(ownerDirectory());
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // Another process created the shared root at the same moment.
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    private static boolean deleteTree(Path dir) {
        return DeadOwners.delete(dir);
    }

    private static Path defaultRoot() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        String configured = System.getProperty(DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm.resolve("jmp-shm-" + user);
        }
        return Path.of(System.getProperty("java.io.tmpdir")).resolve("jmp-shm-" + user);
    }
}
