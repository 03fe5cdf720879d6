package dev.jmp.kernel.maven;

import dev.jmp.magics.MagicException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Resolves real artifacts from Maven Central into the user's ~/.m2 cache. */
@Timeout(300)
class MavenArtifactResolverTest {

    private final MavenArtifactResolver resolver = new MavenArtifactResolver();

    @Test
    void resolvesTransitiveDependencies() throws Exception {
        List<Path> jars = resolver.resolve(List.of("org.apache.commons:commons-text:1.10.0"));
        assertTrue(jars.stream().anyMatch(p -> p.getFileName().toString().equals("commons-text-1.10.0.jar")), jars.toString());
        assertTrue(jars.stream().anyMatch(p -> p.getFileName().toString().startsWith("commons-lang3-")),
                "transitive commons-lang3 missing: " + jars);
        jars.forEach(j -> assertTrue(Files.isRegularFile(j), j + " exists"));
    }

    @Test
    void unresolvableCoordinateGivesAClearMessage() {
        MagicException e = assertThrows(MagicException.class,
                () -> resolver.resolve(List.of("dev.jmp.nonexistent:no-such-artifact:0.0.1")));
        assertTrue(e.getMessage().contains("dev.jmp.nonexistent:no-such-artifact:0.0.1"), e.getMessage());
        assertTrue(e.getMessage().startsWith("%maven: cannot resolve"), e.getMessage());
    }

    @Test
    void malformedCoordinateGivesAClearMessage() {
        MagicException e = assertThrows(MagicException.class, () -> resolver.resolve(List.of("just-a-name")));
        assertTrue(e.getMessage().contains("malformed coordinate 'just-a-name'"), e.getMessage());
    }
}
