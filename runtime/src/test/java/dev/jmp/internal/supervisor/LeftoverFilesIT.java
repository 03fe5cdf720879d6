package dev.jmp.internal.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 11: what a runtime killed with {@code kill -9} left (its progress directory, an
 * archive or an ahead-of-time cache in training) is swept by the next runtime that starts; a live runtime's files stay.
 */
@Timeout(300)
class LeftoverFilesIT {

    @TempDir
    Path dir;

    private Process start(String mode) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + dir.resolve("tmp"), "-Djmp.cache=" + dir.resolve("cache"),
                "-cp", System.getProperty("java.class.path"), LeftoverOwnerMain.class.getName(), mode));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("JMP_TEST_RUN", "LeftoverFilesIT-" + ProcessHandle.current().pid());
        return pb.start();
    }

    private static List<Path> ownedFiles(Process owner) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String line = out.readLine();
            assertTrue(line != null, "the owner exited before making its files");
            files.add(Path.of(line));
        }
        return files;
    }

    @Test
    void theNextRuntimeSweepsWhatAKilledOneLeftAndKeepsALiveOnesFiles() throws Exception {
        Files.createDirectories(dir.resolve("tmp"));
        Process killed = start("own");
        Process live = start("own");
        try {
            List<Path> dead = ownedFiles(killed);
            List<Path> kept = ownedFiles(live);
            for (Path p : dead) {
                assertTrue(Files.exists(p), p.toString());
            }
            killed.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(killed.waitFor(60, TimeUnit.SECONDS));
            assertEquals(137, killed.exitValue(), "killed by SIGKILL");
            for (Path p : dead) {
                assertTrue(Files.exists(p), "a killed runtime cannot clean up: " + p);
            }
            Process next = start("start");
            assertTrue(next.waitFor(120, TimeUnit.SECONDS), "the next runtime did not start and exit");
            assertEquals(0, next.exitValue());
            for (Path p : dead) {
                assertFalse(Files.exists(p), "the dead runtime's leftover was not swept: " + p);
            }
            for (Path p : kept) {
                assertTrue(Files.exists(p), "a live runtime's file was swept: " + p);
            }
        } finally {
            killed.destroyForcibly();
            live.destroyForcibly();
            live.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
