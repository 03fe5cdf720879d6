package dev.jmp.magics.classpath;

import dev.jmp.magics.MagicException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class ClasspathMagicsTest {

    @TempDir
    Path dir;

    private final List<Path> added = new ArrayList<>();
    private final PrintStream out = new PrintStream(new ByteArrayOutputStream());

    private ClasspathMagics magics() {
        return new ClasspathMagics(dir, added::addAll, () -> added, () -> out);
    }

    private Path touch(String relative) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {'P', 'K'});
        return p;
    }

    @Test
    void jarsExpandsGlobsAndFolders() throws Exception {
        Path a = touch("lib/a.jar");
        Path b = touch("lib/b.jar");
        touch("lib/readme.txt");
        Path deep = touch("more/x/y/deep.jar");
        magics().jars(List.of("lib/*.jar"));
        assertEquals(List.of(a, b), added);
        added.clear();
        magics().jars(List.of("more/**/*.jar"));
        assertEquals(List.of(deep), added);
        added.clear();
        magics().jars(List.of("lib"));
        assertEquals(List.of(a, b), added);
    }

    @Test
    void missingJarIsAClearError() {
        MagicException e = assertThrows(MagicException.class, () -> magics().jars(List.of("lib/missing-*.jar")));
        assertTrue(e.getMessage().contains("no jar file matches 'lib/missing-*.jar'"), e.getMessage());
        MagicException plain = assertThrows(MagicException.class, () -> magics().jars(List.of("nothing.jar")));
        assertTrue(plain.getMessage().contains("nothing.jar"), plain.getMessage());
        assertTrue(added.isEmpty());
    }

    @Test
    void nonJarFileIsRejectedByJars() throws Exception {
        touch("notes.txt");
        MagicException e = assertThrows(MagicException.class, () -> magics().jars(List.of("notes.txt")));
        assertTrue(e.getMessage().contains("is not a jar file"), e.getMessage());
    }

    @Test
    void classpathAddsFoldersAndJars() throws Exception {
        Files.createDirectories(dir.resolve("classes"));
        Path jar = touch("lib/c.jar");
        magics().classpath(List.of("classes", "lib/*.jar"));
        assertEquals(List.of(dir.resolve("classes"), jar), added);
        MagicException e = assertThrows(MagicException.class, () -> magics().classpath(List.of("nowhere")));
        assertTrue(e.getMessage().contains("'nowhere'"), e.getMessage());
    }

    @Test
    void mavenRejectsMalformedCoordinatesBeforeResolving() {
        List<List<String>> resolved = new ArrayList<>();
        MavenMagics maven = new MavenMagics(c -> {
            resolved.add(c);
            return List.of();
        }, added::addAll, () -> out);
        for (String bad : List.of("junit", "a:b", "a::c", ":b:c", "a:b:c:d:e:f")) {
            MagicException e = assertThrows(MagicException.class, () -> maven.maven(List.of(bad)));
            assertTrue(e.getMessage().contains("malformed coordinate '" + bad + "'"), e.getMessage());
        }
        assertThrows(MagicException.class, () -> maven.maven(List.of()));
        assertTrue(resolved.isEmpty());
    }
}
