package dev.jmp.internal.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.WorkerTracking;
import dev.jmp.launch.WorkerJava;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers on Java 25 or later start with the ahead-of-time cache: the first worker starts the
 * training, the cache appears in the cache directory, a worker started afterwards maps it and runs
 * its task; a cache file that is garbage or cut short is ignored by the JVM, and the worker runs
 * without it, printing nothing. Run in a JVM of its own ({@link AotCacheMain}) with a temporary
 * cache directory and a jar classpath (the JVM archives classes from jars only). The workers' Java
 * is this one if it is 25 or later, else {@code -Djmp.it.workerJava} or {@code JMP_IT_WORKER_JAVA}
 * if that one is.
 */
@Timeout(300)
class AotCacheIT {

    @TempDir
    Path dir;

    @Test
    void workersOn25StartWithTheCacheOnceItIsMadeAndWithoutItWhenItIsCorrupt() throws Exception {
        Path workerJava = workerJava();
        Process driver = driver(workerJava);
        String out;
        try {
            out = new String(driver.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(driver.waitFor(300, TimeUnit.SECONDS), "the driver did not exit");
        } finally {
            driver.destroyForcibly();
        }
        String release = workerJava == null ? String.valueOf(Runtime.version().feature())
                : String.valueOf(WorkerJava.release(workerJava));
        List<String> lines = out.lines().toList();
        assertEquals(0, driver.exitValue(), out);
        assertEquals(6, lines.size(), "one line per step and no other output (no JVM warning): " + out);
        assertEquals("first " + release + " mapped=false", lines.get(0));
        assertEquals("made true", lines.get(1), "the cache is an ahead-of-time cache (.aot)");
        assertEquals("cached " + release + " mapped=true", lines.get(2), "a new worker maps the cache");
        assertEquals("garbage " + release + " mapped=false", lines.get(3));
        assertEquals("truncated " + release + " mapped=false", lines.get(4));
        assertTrue(lines.get(5).startsWith("pids "), lines.get(5));
        List<Long> pids = Arrays.stream(lines.get(5).substring(5).split(",")).map(Long::valueOf).toList();
        assertTrue(pids.size() >= 5, "four workers and the training worker: " + pids);
        assertEquals(List.of(), WorkerTracking.survivors(pids, 300_000), "workers outlived their runtime");
        try (Stream<Path> left = Files.list(dir.resolve("cache").resolve("cds"))) {
            assertEquals(1, left.count(), "the cache alone is left, no training file");
        }
    }

    /** The Java home for workers (null: this JVM's), skipping the test when no Java 25+ is at hand. */
    private static Path workerJava() {
        if (Runtime.version().feature() >= ArchiveOptions.AOT_RELEASE) {
            return null;
        }
        String given = System.getProperty("jmp.it.workerJava", System.getenv().getOrDefault("JMP_IT_WORKER_JAVA", ""));
        Assumptions.assumeFalse(given.isBlank(), "no Java 25 or later: this JVM is "
                + Runtime.version().feature() + "; set -Djmp.it.workerJava=HOME");
        Path home = WorkerJava.home(Path.of(given));
        Assumptions.assumeTrue(WorkerJava.release(home) >= ArchiveOptions.AOT_RELEASE, home + " is older than Java 25");
        return home;
    }

    private Process driver(Path workerJava) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-Djmp.cache=" + dir.resolve("cache"),
                "-Djmp.worker.classpath=" + workerClasspath(), "-cp", System.getProperty("java.class.path"),
                AotCacheMain.class.getName(), workerJava == null ? "own" : workerJava.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("JMP_TEST_RUN", "AotCacheIT-" + ProcessHandle.current().pid());
        return pb.start();
    }

    /** The runtime's jar as packaged, and its libraries' jars: no directory, which no archive takes. */
    private static String workerClasspath() throws IOException {
        Path jar;
        try (Stream<Path> target = Files.list(Path.of("target"))) {
            jar = target.filter(p -> p.getFileName().toString().matches("jmp-runtime-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no runtime jar in target/: run mvn verify"));
        }
        java.util.Set<String> cp = new java.util.LinkedHashSet<>(List.of(jar.toAbsolutePath().toString()));
        for (Path p : WorkerClasspath.entries()) {
            if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith("jmp-runtime")) {
                cp.add(p.toString());
            }
        }
        return String.join(File.pathSeparator, cp);
    }
}
