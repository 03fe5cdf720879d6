package dev.jmp.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerJavaTest {

    @TempDir
    Path dir;

    private Path fakeHome(String name, String version) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    @Test
    void theRunningJavaIsAcceptedByItsHomeOrItsBinJava() {
        Path self = Path.of(System.getProperty("java.home"));
        assertEquals(self.toAbsolutePath().normalize(), WorkerJava.home(self));
        assertEquals(self.toAbsolutePath().normalize(), WorkerJava.home(self.resolve("bin/java")));
    }

    @Test
    void aMissingPathIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkerJava.home(dir.resolve("nope")));
        assertEquals("worker java " + dir.resolve("nope") + " does not exist", e.getMessage());
    }

    @Test
    void aFolderWithoutBinJavaIsNotAJavaHome() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkerJava.home(dir));
        assertEquals("worker java " + dir + " is not a Java home (no executable bin/java in it)", e.getMessage());
    }

    @Test
    void aJavaOlderThan17IsRefusedWithItsVersion() throws IOException {
        Path old = fakeHome("jdk-11", "11.0.22");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkerJava.home(old));
        assertEquals("worker java " + old + " is Java 11.0.22; workers need Java 17 or later", e.getMessage());
        Path eight = fakeHome("jdk-8", "1.8.0_402");
        assertThrows(IllegalArgumentException.class, () -> WorkerJava.home(eight));
        assertEquals(21, WorkerJava.feature("21.0.5"));
        assertEquals(8, WorkerJava.feature("1.8.0_402"));
        assertEquals(fakeHome("jdk-21", "21"), WorkerJava.home(dir.resolve("jdk-21")));
    }

    @Test
    void aHomeWithoutAReleaseFileCannotBeTold() throws IOException {
        Path home = fakeHome("odd", "17");
        Files.delete(home.resolve("release"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkerJava.home(home));
        assertEquals(true, e.getMessage().startsWith("cannot tell which Java " + home + " is: cannot read "),
                e.getMessage());
    }
}
