package dev.jmp.internal.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The watch the cache's assembly JVM runs under: its exit code passes through, and it dies with its owner. */
@Timeout(300)
class AotAssemblyTest {

    private static Process watched(long owner, String... command) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("sh", "-c", AotAssembly.WATCHED, "jmp-test-watch",
                Long.toString(owner)));
        cmd.addAll(List.of(command));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    @Test
    void theCommandsExitCodePassesThrough() throws Exception {
        Process p = watched(ProcessHandle.current().pid(), "sh", "-c", "exit 7");
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(7, p.exitValue());
    }

    @Test
    void theCommandDiesWithItsOwner() throws Exception {
        Process owner = new ProcessBuilder("sleep", "600").start();
        Process p = watched(owner.pid(), "sleep", "600");
        ProcessHandle command = null;
        while (command == null) { // the watched command appears as the sh's child
            command = p.children().filter(c -> c.info().command().orElse("").endsWith("sleep")).findFirst().orElse(null);
            Thread.sleep(20);
        }
        owner.destroyForcibly();
        owner.waitFor();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the watch ends once its owner is gone");
        assertTrue(command.onExit().get(300, TimeUnit.SECONDS) != null);
        assertFalse(command.isAlive(), "the watched command was killed with its owner");
    }
}
