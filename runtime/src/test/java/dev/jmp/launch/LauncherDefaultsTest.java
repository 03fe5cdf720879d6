package dev.jmp.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a launcher that overrides none of the optional methods does. */
class LauncherDefaultsTest {

    @Test
    void theLocalLauncherTakesNoOptionsAndSaysWhichWereGiven() {
        Launcher l = Launchers.byName("local");
        l.configure(Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> l.configure(Map.of("hosts", "a", "user", "b")));
        assertEquals("the 'local' launcher takes no options; given: hosts, user", e.getMessage());
    }

    @Test
    void workersOnThisHostListenOnLoopbackAndSeeAbsolutePaths() throws Exception {
        Launcher l = new LocalLauncher();
        assertNull(l.parentAddress());
        assertEquals(0, l.slots());
        List<String> seen = l.prepare(List.of(Path.of("lib/a.jar")));
        assertEquals(Path.of("lib/a.jar").toAbsolutePath().toString(), seen.get(0));
        assertTrue(Path.of(seen.get(0)).isAbsolute());
    }
}
