package dev.jmp.install;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * End-to-end tests against a kernel installed by {@code install/install.sh} into a temporary
 * {@code JUPYTER_DATA_DIR}, driven by real Jupyter clients (Debian's jupyter_client,
 * jupyter_kernel_test, nbconvert). Each kernel JVM writes its pid into {@code JMP_PID_DIR};
 * after each test every one of them must have exited.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KernelEndToEndIT {

    private static final Path REPO = Path.of(System.getProperty("jmp.repo", "..")).toAbsolutePath().normalize();
    private static final Path PYTHON_TESTS = REPO.resolve("install/src/it/python");
    private static Path dataDir;
    private static Path pidDir;

    @BeforeAll
    static void install() throws Exception {
        dataDir = Files.createTempDirectory("jmp-jupyter-data");
        pidDir = Files.createTempDirectory("jmp-kernel-pids");
        Result installed = run(List.of(REPO.resolve("install/install.sh").toString()), 300);
        System.out.println("---- install.sh ----\n" + installed.output); // which Java the kernel runs on
        assertEquals(0, installed.status, installed.output);
        assertTrue(installed.output.contains("Installed the jmp kernel"), installed.output);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        for (Path dir : new Path[] {dataDir, pidDir}) {
            if (dir != null) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @AfterEach
    void noKernelOutlivesTheTest() throws Exception {
        List<String> alive = new ArrayList<>();
        try (Stream<Path> files = Files.list(pidDir)) {
            for (Path file : files.toList()) {
                long pid = Long.parseLong(file.getFileName().toString());
                Optional<ProcessHandle> handle = ProcessHandle.of(pid);
                if (handle.isPresent()) {
                    try {
                        handle.get().onExit().get(15, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException e) {
                        alive.add(pid + " " + handle.get().info().commandLine().orElse(""));
                        handle.get().destroyForcibly();
                    }
                }
            }
        }
        assertTrue(alive.isEmpty(), "kernel JVMs still alive after the test: " + alive);
        // Workers of this test's kernels run from the jars installed in this test's data dir.
        List<String> workers = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            String cmd = p.info().commandLine().orElse("");
            if (cmd.contains(dataDir.toString()) && cmd.contains("dev.jmp.internal.worker.WorkerMain")) {
                try {
                    p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    workers.add(p.pid() + " " + cmd);
                    p.destroyForcibly();
                }
            }
        }
        assertTrue(workers.isEmpty(), "worker JVMs still alive after their kernel ended: " + workers);
    }

    @Test
    @Order(1)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void kernelspecListShowsJmp() throws Exception {
        Result list = run(List.of("/usr/bin/jupyter", "kernelspec", "list"), 60);
        assertEquals(0, list.status, list.output);
        assertTrue(list.output.lines().anyMatch(l -> l.trim().startsWith("jmp ") && l.contains(dataDir.toString())), list.output);
        String json = Files.readString(dataDir.resolve("kernels/jmp/kernel.json"));
        assertTrue(json.contains("\"interrupt_mode\": \"message\"") && json.contains("\"display_name\": \"Java (jmp)\""), json);
        assertTrue(Files.exists(dataDir.resolve("kernels/jmp/logo-64x64.png")));
        try (Stream<Path> jars = Files.list(dataDir.resolve("kernels/jmp/lib"))) {
            List<String> names = jars.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("jmp-runtime-")), "runtime jar is a separate file: " + names);
        }
    }

    @Test
    @Order(2)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void jupyterKernelTestConformanceSuite() throws Exception {
        python("test_conformance", 280);
    }

    @Test
    @Order(3)
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void interruptStopsBusyLoopAndSleepWithin3Seconds() throws Exception {
        python("test_interrupt", 170);
    }

    @Test
    @Order(4)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void kernelBehaviour() throws Exception {
        python("test_behaviour", 280);
    }

    @Test
    @Order(5)
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void notebooksRunWithNbconvert() throws Exception {
        python("test_notebooks", 580);
    }

    @Test
    @Order(6)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void notebookCodeRunsInWorkers() throws Exception {
        python("test_runtime", 280);
    }

    @Test
    @Order(7)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void spawnMagics() throws Exception {
        python("test_spawn", 280);
    }

    @Test
    @Order(8)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void poolMagic() throws Exception {
        python("test_pool", 280);
    }

    @Test
    @Order(9)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sharedMagic() throws Exception {
        python("test_shared", 280);
    }

    @Test
    @Order(9)
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void childProcessOutputReachesTheCell() throws Exception {
        python("test_stdio", 170);
    }

    @Test
    @Order(10)
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void tutorialSeriesRunsAndMatchesCommittedOutputs() throws Exception {
        python("test_series", 1180);
    }

    @Test
    @Order(11)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void browserShowsPoolProgressAndBackgroundOutput() throws Exception {
        python("test_browser", 220);
    }

    private static void python(String module, long timeoutSeconds) throws Exception {
        Result result = run(List.of("/usr/bin/python3", "-m", "unittest", "-v", module), timeoutSeconds);
        System.out.println("---- " + module + " ----\n" + result.output);
        if (result.status != 0) {
            fail(module + " failed (exit " + result.status + "):\n" + result.output);
        }
    }

    private record Result(int status, String output) {
    }

    private static Result run(List<String> command, long timeoutSeconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(PYTHON_TESTS.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("JUPYTER_DATA_DIR", dataDir.toString());
        env.put("JMP_PID_DIR", pidDir.toString());
        env.put("JMP_REPO", REPO.toString());
        env.put("JMP_INSTALL_NO_BUILD", "1");
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        Path log = Files.createTempFile("jmp-it", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                fail(command + " did not finish in " + timeoutSeconds + " s:\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
