package dev.jmp.internal.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.internal.util.DeadOwners;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which archive a worker gets: one per JDK (by its release file and class image) and jar
 * classpath, the ahead-of-time cache from Java 25, none for a directory on the classpath or a
 * home that names no Java; and which leftovers of a training the next runtime sweeps.
 */
@Timeout(300)
class CdsArchiveTest {

    @TempDir
    Path dir;

    private final CdsArchive archive = new CdsArchive(new RuntimeSettings());

    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib").resolve("modules"), "image of " + name);
        return home;
    }

    private List<Path> jars() throws IOException {
        return List.of(Files.writeString(dir.resolve("jmp-runtime.jar"), "runtime"), Files.writeString(dir.resolve("gson.jar"), "gson"));
    }

    @Test
    void java25AndLaterGetTheAheadOfTimeCacheAndEachJdkItsOwnFile() throws IOException {
        List<Path> cp = jars();
        CdsArchive.Target on25 = archive.archiveFor(jdk("jdk-25", "25.0.1"), cp);
        CdsArchive.Target on21 = archive.archiveFor(jdk("jdk-21", "21.0.4"), cp);
        CdsArchive.Target on26 = archive.archiveFor(jdk("jdk-26", "26"), cp);
        assertTrue(on25.aot() && on25.file().getFileName().toString().matches("worker-[0-9a-f]{24}\\.aot"), on25.toString());
        assertTrue(on26.aot());
        assertFalse(on21.aot());
        assertTrue(on21.file().getFileName().toString().endsWith(".jsa"));
        assertEquals(25, on25.jdk().release());
        assertEquals(on25, archive.archiveFor(dir.resolve("jdk-25"), cp), "the same JDK and classpath, the same archive");
        assertEquals(new RuntimeSettings().cacheDir().resolve("cds"), on25.file().getParent());

        Path own = Path.of(System.getProperty("java.home"));
        CdsArchive.Target mine = archive.archiveFor(null, cp);
        assertEquals(archive.archiveFor(own, cp), mine, "no Java home is this JVM's");
        assertEquals(Runtime.version().feature() >= 25, mine.aot());
    }

    @Test
    void aChangedJdkOrJarIsANewArchive() throws IOException {
        List<Path> cp = jars();
        Path home = jdk("jdk-25", "25.0.1");
        Path before = archive.archiveFor(home, cp).file();
        Files.setLastModifiedTime(cp.get(1), FileTime.fromMillis(Files.getLastModifiedTime(cp.get(1)).toMillis() - 60_000));
        Path newJar = archive.archiveFor(home, cp).file();
        assertNotEquals(before, newJar, "a rebuilt jar");
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"25.0.2\"\n");
        assertNotEquals(newJar, new CdsArchive(new RuntimeSettings()).archiveFor(home, cp).file(), "an updated JDK");
    }

    @Test
    void noArchiveForADirectoryOnTheClasspathOrAHomeThatIsNoJava() throws IOException {
        Path home = jdk("jdk-25", "25.0.1");
        assertNull(archive.archiveFor(home, List.of(jars().get(0), Files.createDirectories(dir.resolve("classes")))));
        assertNull(archive.archiveFor(Files.createDirectories(dir.resolve("not-a-jdk")), jars()));
        assertEquals(List.of(), archive.options(dir.resolve("not-a-jdk"), jars()));
    }

    @Test
    void theNextRuntimeSweepsTrainingFilesOfDeadOwnersOnly() throws IOException {
        Path cds = Files.createDirectories(dir.resolve("cds"));
        String dead = "2147483646-1";
        List<Path> gone = List.of(cds.resolve("worker-a.jsa." + dead + ".tmp"), cds.resolve("worker-b.aot." + dead + ".tmp"),
                cds.resolve("worker-b.aot." + dead + ".tmp.conf"));
        List<Path> kept = List.of(cds.resolve("worker-a.jsa"), cds.resolve("worker-b.aot"),
                cds.resolve("worker-c.aot." + DeadOwners.self() + ".tmp.conf"));
        for (Path p : gone) {
            Files.writeString(p, "left");
        }
        for (Path p : kept) {
            Files.writeString(p, "kept");
        }
        assertEquals(3, CdsArchive.sweepDead(dir));
        for (Path p : gone) {
            assertFalse(Files.exists(p), p.toString());
        }
        for (Path p : kept) {
            assertTrue(Files.exists(p), p.toString());
        }
    }

    @Test
    void archivesNoWorkerUsedForThirtyDaysArePrunedAndAUseKeepsOne() throws IOException {
        Path cds = Files.createDirectories(dir.resolve("cache").resolve("cds"));
        java.time.Instant now = java.time.Instant.now();
        Path old = Files.writeString(cds.resolve("worker-aaaaaaaaaaaaaaaaaaaaaaaa.jsa"), "old");
        Path oldAot = Files.writeString(cds.resolve("worker-bbbbbbbbbbbbbbbbbbbbbbbb.aot"), "old");
        Path recent = Files.writeString(cds.resolve("worker-cccccccccccccccccccccccc.jsa"), "recent");
        Path other = Files.writeString(cds.resolve("notes.txt"), "not an archive");
        FileTime longAgo = FileTime.from(now.minus(CdsArchive.UNUSED).minusSeconds(60));
        for (Path p : List.of(old, oldAot, other)) {
            Files.setLastModifiedTime(p, longAgo);
        }
        Files.setLastModifiedTime(recent, FileTime.from(now.minus(CdsArchive.UNUSED).plusSeconds(3600)));
        assertEquals(2, CdsArchive.pruneUnused(dir.resolve("cache"), now));
        assertFalse(Files.exists(old));
        assertFalse(Files.exists(oldAot));
        assertTrue(Files.exists(recent), "used within the 30 days");
        assertTrue(Files.exists(other), "only archives are pruned");
        assertEquals(0, CdsArchive.pruneUnused(dir.resolve("no-cache-yet"), now), "no folder, nothing to do");

        String before = System.getProperty("jmp.cache");
        System.setProperty("jmp.cache", dir.resolve("cache").toString());
        CdsArchive inUse;
        try {
            inUse = new CdsArchive(new RuntimeSettings());
        } finally {
            if (before == null) {
                System.clearProperty("jmp.cache");
            } else {
                System.setProperty("jmp.cache", before);
            }
        }
        List<Path> cp = jars();
        CdsArchive.Target t = inUse.archiveFor(null, cp);
        Files.writeString(t.file(), "an archive");
        Files.setLastModifiedTime(t.file(), longAgo);
        assertFalse(inUse.options(null, cp).isEmpty());
        assertEquals(0, CdsArchive.pruneUnused(dir.resolve("cache"), now), "a worker's use moved its date");
    }
}
