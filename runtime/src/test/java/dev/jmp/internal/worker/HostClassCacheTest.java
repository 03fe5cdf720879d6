package dev.jmp.internal.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.internal.classes.ClassDigests;
import dev.jmp.internal.classes.ClassServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host class cache's files, and the parent's choice between bytes and a digest. */
class HostClassCacheTest {

    @TempDir
    Path root;

    @Test
    void storesByDigestAndReturnsOnlyBytesThatStillMatchTheirName() throws Exception {
        Path dir = root.resolve("classes");
        HostClassCache cache = new HostClassCache(dir);
        byte[] bytes = "class bytes".getBytes();
        String digest = ClassDigests.of(bytes);
        assertNull(cache.get(digest), "an empty cache (its folder not even made yet)");
        cache.put(bytes);
        assertArrayEquals(bytes, cache.get(digest));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        Files.writeString(dir.resolve(digest), "something else");
        assertNull(cache.get(digest), "a file whose bytes no longer have its name's digest is not used");
        assertNull(cache.get("../../etc/passwd"), "a name that is not a digest is never a path");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".tmp-")), "no temporary file is left");
        }
    }

    @Test
    void theNextWorkerSweepsHalfWrittenFilesAndClassesUnusedForThirtyDays() throws Exception {
        Path dir = Files.createDirectories(root.resolve("classes"));
        Path old = Files.writeString(dir.resolve(".tmp-123"), "half a class");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        Path fresh = Files.writeString(dir.resolve(".tmp-456"), "being written now");
        byte[] used = "used".getBytes();
        byte[] unused = "unused".getBytes();
        HostClassCache running = new HostClassCache(dir);
        running.put(used);
        running.put(unused);
        FileTime longAgo = FileTime.from(Instant.now().minus(31, ChronoUnit.DAYS));
        Files.setLastModifiedTime(dir.resolve(ClassDigests.of(used)), longAgo);
        Files.setLastModifiedTime(dir.resolve(ClassDigests.of(unused)), longAgo);
        Path foreign = Files.writeString(dir.resolve("notes.txt"), "not a class of ours");
        Files.setLastModifiedTime(foreign, longAgo);
        assertArrayEquals(used, running.get(ClassDigests.of(used)), "a read marks it used");
        new HostClassCache(dir);
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(fresh), "a temporary file another worker may be writing stays");
        assertTrue(Files.exists(dir.resolve(ClassDigests.of(used))));
        assertFalse(Files.exists(dir.resolve(ClassDigests.of(unused))), "unused for 31 days");
        assertTrue(Files.exists(foreign), "only files named by a digest are the cache's");
    }

    @Test
    void aFolderOthersCanReadIsNotUsed() throws Exception {
        Path open = Files.createDirectories(root.resolve("open"));
        Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path closed = Files.createDirectories(root.resolve("closed"));
        Files.setPosixFilePermissions(closed, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        String was = System.getProperty(HostClassCache.PROPERTY);
        try {
            System.setProperty(HostClassCache.PROPERTY, open.toString());
            assertNull(HostClassCache.fromProperty(), "a folder others can read (made first by another account, say)");
            System.setProperty(HostClassCache.PROPERTY, closed.toString());
            assertTrue(HostClassCache.fromProperty() != null);
            System.setProperty(HostClassCache.PROPERTY, root.resolve("not-yet").toString());
            assertTrue(HostClassCache.fromProperty() != null, "made by the first worker that stores a class");
            System.clearProperty(HostClassCache.PROPERTY);
            assertNull(HostClassCache.fromProperty());
        } finally {
            if (was == null) {
                System.clearProperty(HostClassCache.PROPERTY);
            } else {
                System.setProperty(HostClassCache.PROPERTY, was);
            }
        }
    }

    @Test
    void theParentSendsADigestOnlyForALargeClassAskedDigestFirst() {
        ClassServer server = new ClassServer();
        byte[] large = new byte[ClassDigests.MIN_BYTES];
        byte[] small = new byte[ClassDigests.MIN_BYTES - 1];
        server.addSource(n -> n.equals("Large") ? large : n.equals("Small") ? small : null);
        ClassServer.Served digest = server.serve("Large", false, true);
        assertEquals(ClassDigests.of(large), digest.digest());
        assertNull(digest.bytes());
        assertArrayEquals(large, server.serve("Large", false, false).bytes());
        assertArrayEquals(small, server.serve("Small", false, true).bytes(), "a small class comes at once");
        assertEquals(ClassDigests.of(large), server.serve("Large.class", true, true).digest(), "as a resource too");
        assertFalse(server.serve("Missing", false, true).found());
        assertEquals(2, server.digestsServed());
        assertEquals(2, server.bytesServed());
    }
}
