package dev.jmp.internal.worker;

import dev.jmp.internal.classes.ClassDigests;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

/**
 * The classes a host's workers fetched from their parent, kept by content digest in a folder
 * every worker of the host shares ({@code -Djmp.classCache}, which a remote launcher sets beside
 * its staged jars: ssh's cache folder, Slurm's node-local stage folder), so that a notebook class crosses the network once per host, not once per
 * worker. A file is written under a temporary name and renamed, so a reader sees all of it or
 * nothing, and it is read back only if its bytes still have its name's digest. Each worker's start
 * removes what killed workers left half-written and the classes no worker read for 30 days. A
 * cache that cannot be read or written only costs a transfer.
 */
final class HostClassCache {

    /** The system property naming the folder. */
    static final String PROPERTY = "jmp.classCache";
    private static final String TEMP_PREFIX = ".tmp-";
    /** A temporary file this old was left by a worker killed while writing it. */
    private static final Duration STALE_TEMP = Duration.ofMinutes(10);
    /** A class no worker of the host used for this long is removed (a read marks it used). */
    static final Duration UNUSED = Duration.ofDays(30);

    private final Path dir;

    HostClassCache(Path dir) {
        this.dir = dir;
        sweep();
    }

    /**
     * The cache the property names, or {@code null} if none is set, or if the folder exists but is
     * not this user's alone (a node-local folder such as {@code /tmp/...} that another account made
     * first: its files could be read, so it is not used).
     */
    static HostClassCache fromProperty() {
        String d = System.getProperty(PROPERTY);
        if (d == null || d.isBlank()) {
            return null;
        }
        Path dir = Path.of(d);
        return Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !ours(dir) ? null : new HostClassCache(dir);
    }

    /** Whether {@code dir} is a real folder owned by this process's user, closed to everyone else. */
    static boolean ours(Path dir) {
        try {
            return Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && Files.getOwner(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))
                    && PosixFilePermissions.toString(Files.getPosixFilePermissions(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                            .endsWith("------");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The bytes stored under {@code digest}, or {@code null} if absent or not those bytes. */
    byte[] get(String digest) {
        if (!ClassDigests.isDigest(digest)) {
            return null;
        }
        try {
            Path f = dir.resolve(digest);
            byte[] b = Files.readAllBytes(f);
            if (!ClassDigests.of(b).equals(digest)) {
                return null;
            }
            Files.setLastModifiedTime(f, FileTime.from(Instant.now()));
            return b;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Stores {@code bytes} under their digest. */
    void put(byte[] bytes) {
        Path tmp = null;
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            tmp = Files.createTempFile(dir, TEMP_PREFIX, "");
            Files.write(tmp, bytes);
            Files.move(tmp, dir.resolve(ClassDigests.of(bytes)), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // swept by a later worker
                }
            }
        }
    }

    /** Removes temporaries left by killed workers and classes unused for {@link #UNUSED}. */
    private void sweep() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Instant now = Instant.now();
        FileTime staleTemp = FileTime.from(now.minus(STALE_TEMP));
        FileTime unused = FileTime.from(now.minus(UNUSED));
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                FileTime t = Files.getLastModifiedTime(p);
                if (n.startsWith(TEMP_PREFIX) ? t.compareTo(staleTemp) < 0 : ClassDigests.isDigest(n) && t.compareTo(unused) < 0) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // another worker swept it, or the folder is not ours to clean
        }
    }
}
