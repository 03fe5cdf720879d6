package dev.jmp.magics.classpath;

import dev.jmp.magics.MagicException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

@Timeout(300)
class ClasspathEntriesTest {

    @TempDir
    Path dir;

    @Test
    void existingReadableJarsAndFoldersPass() throws Exception {
        Path jar = Files.write(dir.resolve("a.jar"), new byte[] {'P', 'K'});
        Path folder = Files.createDirectories(dir.resolve("classes"));
        ClasspathEntries.requireReadable(List.of(jar, folder));
    }

    @Test
    void aMissingEntryIsNamed() throws Exception {
        Path jar = Files.write(dir.resolve("a.jar"), new byte[] {'P', 'K'});
        Path missing = dir.resolve("gone.jar");
        MagicException e = assertThrows(MagicException.class,
                () -> ClasspathEntries.requireReadable(List.of(jar, missing)));
        assertEquals("Cannot add " + missing + " to the class path: no such file or folder.", e.getMessage());
    }

    @Test
    void anEntryTheReadabilityTestRefusesIsNamed() throws Exception {
        Path jar = Files.write(dir.resolve("a.jar"), new byte[] {'P', 'K'});
        Path locked = Files.write(dir.resolve("locked.jar"), new byte[] {'P', 'K'});
        MagicException e = assertThrows(MagicException.class,
                () -> ClasspathEntries.requireReadable(List.of(jar, locked), p -> !p.equals(locked)));
        assertEquals("Cannot add " + locked + " to the class path: it is not readable.", e.getMessage());
    }

    @Test
    void anUnreadableFileIsNamed() throws Exception {
        // root reads everything: the check cannot be shown failing there
        assumeFalse("root".equals(System.getProperty("user.name")), "running as root");
        Path jar = Files.write(dir.resolve("locked.jar"), new byte[] {'P', 'K'});
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("-w-------"));
        MagicException e = assertThrows(MagicException.class, () -> ClasspathEntries.requireReadable(List.of(jar)));
        assertEquals("Cannot add " + jar + " to the class path: it is not readable.", e.getMessage());
    }
}
