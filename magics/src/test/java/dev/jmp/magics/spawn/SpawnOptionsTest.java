package dev.jmp.magics.spawn;

import dev.jmp.magics.MagicArgs;
import dev.jmp.magics.MagicException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class SpawnOptionsTest {

    private static SpawnOptions parse(String text) throws MagicException {
        return SpawnOptions.parse(MagicArgs.split(text));
    }

    @Test
    void defaults() throws MagicException {
        assertEquals(new SpawnOptions(1, null, false, false, -1, null, false, List.of(), null), parse(""));
    }

    @Test
    void everyOption() throws MagicException {
        SpawnOptions o = parse("-n 4 --name train --daemon --bg --timeout 2.5 --out procs --group "
                + "--jvm-opts \"-Xmx64m -Dx=a b\" --java " + System.getProperty("java.home"));
        assertEquals(new SpawnOptions(4, "train", true, true, 2.5, "procs", true, List.of("-Xmx64m", "-Dx=a", "b"),
                Path.of(System.getProperty("java.home")).toAbsolutePath().normalize()), o);
    }

    @Test
    void badOptionsAreNamed() {
        assertTrue(assertThrows(MagicException.class, () -> parse("-n 300")).getMessage()
                .contains("option -n must be between 1 and 256 (got 300)"));
        assertTrue(assertThrows(MagicException.class, () -> parse("--name a/b")).getMessage()
                .contains("--name 'a/b' may contain only letters, digits"));
        assertTrue(assertThrows(MagicException.class, () -> parse("--name all")).getMessage()
                .contains("--name all is reserved"));
        assertTrue(assertThrows(MagicException.class, () -> parse("--out 1x")).getMessage()
                .contains("--out '1x' is not a valid Java variable name"));
        assertTrue(assertThrows(MagicException.class, () -> parse("--out class")).getMessage()
                .contains("not a valid Java variable name"));
        assertTrue(assertThrows(MagicException.class, () -> parse("--java /no/such/jdk")).getMessage()
                .startsWith("%%spawn: option --java worker java /no/such/jdk does not exist. Usage: "));
        String unknown = assertThrows(MagicException.class, () -> parse("--workers 3")).getMessage();
        assertTrue(unknown.contains("unknown option --workers") && unknown.contains("Usage: %%spawn [-n N]"), unknown);
    }

    @Test
    void helpTextDocumentsEveryOption() {
        for (String option : List.of("-n N", "--name NAME", "--daemon", "--bg", "--timeout S", "--out VAR", "--group",
                "--jvm-opts", "--java PATH")) {
            assertTrue(SpawnOptions.DOC.usage().contains(option), option);
        }
    }
}
