package dev.jmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jmp.function.SerialCallable;
import dev.jmp.function.SerialFunction;
import dev.jmp.spi.ClassSource;
import dev.jmp.launch.WorkerJava;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Workers on another Java release than the program that starts them (a kernel on 17 with workers
 * on 25, and the reverse): classes that exist only as bytes in the parent, compiled for the
 * oldest release, run there and their results come back as the parent's own classes. The other
 * Java is {@code -Djmp.it.workerJava=HOME} or the environment's {@code JMP_IT_WORKER_JAVA}, or
 * else a JDK of another release beside this one (under the same parent folder, as in /usr/lib/jvm).
 */
@Timeout(300)
class WorkerJavaIT extends WorkerTracking {

    private static Path other;
    private static int otherRelease;
    private ClassSource plugged;

    @BeforeAll
    static void findTheOtherJava() throws IOException {
        String given = System.getProperty("jmp.it.workerJava",
                System.getenv().getOrDefault("JMP_IT_WORKER_JAVA", ""));
        if (!given.isBlank()) {
            other = WorkerJava.home(Path.of(given));
        } else {
            other = besideThisOne();
        }
        Assumptions.assumeTrue(other != null, "no JDK of another release (17+) beside " + System.getProperty("java.home")
                + "; set -Djmp.it.workerJava=HOME");
        otherRelease = Integer.parseInt(WorkerJava.version(other).split("[.+-]")[0]);
        assertNotEquals(Runtime.version().feature(), otherRelease, other + " is this test's own release");
    }

    private static Path besideThisOne() throws IOException {
        Path self = Path.of(System.getProperty("java.home")).toRealPath();
        try (Stream<Path> homes = Files.list(self.getParent())) {
            for (Path home : homes.sorted().toList()) {
                try {
                    Path checked = WorkerJava.home(home.toRealPath());
                    if (Integer.parseInt(WorkerJava.version(checked).split("[.+-]")[0]) != Runtime.version().feature()) {
                        return checked;
                    }
                } catch (IllegalArgumentException | IOException notAJdk) {
                    // keep looking
                }
            }
        }
        return null;
    }

    @AfterEach
    void unplug() {
        if (plugged != null) {
            Jmp.removeClassSource(plugged);
        }
        Jmp.setResultClassLoader(WorkerJavaIT.class.getClassLoader());
    }

    @Test
    @SuppressWarnings("unchecked")
    void classesDefinedFromBytesRunOnWorkersOfAnotherReleaseAndResultsComeBackAsThemselves() throws Exception {
        // A notebook kernel's classes, compiled for the oldest release both JVMs run.
        InMemoryCompiler mem = new InMemoryCompiler(WorkerJavaIT.class.getClassLoader()).compile(Map.of(
                "gen.Sample", "package gen; public record Sample(int x, String release) implements java.io.Serializable {}",
                "gen.Probe", """
                        package gen;
                        public class Probe {
                            public static dev.jmp.function.SerialFunction<Integer, Object> scaled(int k) {
                                return x -> new Sample(x * k, System.getProperty("java.specification.version"));
                            }
                            public static dev.jmp.function.SerialCallable<Object> home() {
                                return () -> new Sample(dev.jmp.Worker.index(), System.getProperty("java.home"));
                            }
                        }
                        """), List.of("--release", String.valueOf(WorkerJava.OLDEST_RELEASE)));
        plugged = mem::bytesOf;
        Jmp.addClassSource(plugged);
        Jmp.setResultClassLoader(mem);
        Class<?> sample = Class.forName("gen.Sample", true, mem);
        Class<?> probe = Class.forName("gen.Probe", true, mem);

        SerialFunction<Integer, Object> scaled = (SerialFunction<Integer, Object>) probe.getMethod("scaled", int.class)
                .invoke(null, 3);
        try (Pool pool = Pool.builder().processes(2).javaHome(other).build()) {
            List<Object> out = pool.map(scaled, List.of(1, 2, 3));
            assertEquals(3, out.size());
            for (int i = 0; i < 3; i++) {
                assertSame(sample, out.get(i).getClass(), "the result is the parent's own class");
                assertEquals(3 * (i + 1), sample.getMethod("x").invoke(out.get(i)));
                assertEquals(String.valueOf(otherRelease), sample.getMethod("release").invoke(out.get(i)),
                        "the worker ran on " + other);
            }
        }

        Process p = new Process((SerialCallable<Object>) probe.getMethod("home").invoke(null)).javaHome(other).start();
        p.join();
        assertEquals(0, p.exitCode(), String.valueOf(p.lastStderr()));
        Object result = p.result();
        assertSame(sample, result.getClass());
        assertEquals(other.toRealPath(), Path.of((String) sample.getMethod("release").invoke(result)).toRealPath());
    }
}
