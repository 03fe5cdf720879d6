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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * End-to-end tests against a kernel installed by {@code install/install.sh} into a temporary
 * {@code JUPYTER_DATA_DIR}, driven by real Jupyter clients (Debian's jupyter_client,
 * jupyter_kernel_test, nbconvert). Every process a test starts inherits the environment entry
 * {@code JMP_TEST_RUN}, set to a value unique to this run: the Python tests, their kernels, the kernels'
 * workers, notebook servers and browsers. After each test none of them may run; processes of other
 * programs (a JupyterLab with the user's own jmp kernel, another test run) are never looked at.
 * Each kernel JVM also writes its pid into {@code JMP_PID_DIR}; those pids are checked the same way.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KernelEndToEndIT {

    private static final Path REPO = Path.of(System.getProperty("jmp.repo", "..")).toAbsolutePath().normalize();
    private static final Path PYTHON_TESTS = REPO.resolve("install/src/it/python");
    private static Path dataDir;
    private static Path pidDir;
    /** The environment entry that tags every process this run starts. */
    private static final String RUN_TAG = "JMP_TEST_RUN=it-" + java.util.UUID.randomUUID();

    @BeforeAll
    static void install() throws Exception {
        dataDir = Files.createTempDirectory("jmp-jupyter-data");
        pidDir = Files.createTempDirectory("jmp-kernel-pids");
        Result installed = run(List.of(REPO.resolve("install/install.sh").toString()), 300);
        System.out.println("---- install.sh ----\n" + installed.output); // which Java the kernel runs on
        assertEquals(0, installed.status, installed.output);
        assertTrue(installed.output.contains("Installed the jmp kernel"), installed.output);
        assertTrue(installed.output.indexOf('\u001b') < 0, "install.sh prints plain text, no escape codes:\n" + installed.output);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        for (Path dir : new Path[] {dataDir, pidDir}) {
            if (dir != null) {
                delete(dir);
            }
        }
    }

    @AfterEach
    void noKernelOutlivesTheTest() throws Exception {
        // A hang detector: on a loaded machine JVMs take a while to exit.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        List<String> kernels = new ArrayList<>();
        try (Stream<Path> files = Files.list(pidDir)) {
            for (Path file : files.toList()) {
                // A pid of an exited kernel may since belong to another program: only a process
                // that carries this run's tag is this test's kernel.
                ProcessHandle.of(Long.parseLong(file.getFileName().toString())).filter(KernelEndToEndIT::tagged)
                        .ifPresent(p -> awaitExit(p, deadline, kernels));
                Files.delete(file);
            }
        }
        assertTrue(kernels.isEmpty(), "kernel JVMs still alive after the test: " + kernels);
        List<String> others = new ArrayList<>();
        for (ProcessHandle p : ProcessHandle.allProcesses().filter(KernelEndToEndIT::tagged).toList()) {
            awaitExit(p, deadline, others);
        }
        assertTrue(others.isEmpty(), "processes of this test (workers, servers ...) still alive after it: " + others);
    }

    /** Waits for p to exit until the deadline; if it does not, names it in alive and kills it. */
    private static void awaitExit(ProcessHandle p, long deadline, List<String> alive) {
        try {
            p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            alive.add(p.pid() + " " + p.info().commandLine().orElse(""));
            p.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + p.pid(), e);
        }
    }

    /** Whether p's environment holds this run's tag (false for other users' processes and for zombies). */
    private static boolean tagged(ProcessHandle p) {
        try {
            byte[] environ = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "environ"));
            for (String entry : new String(environ, StandardCharsets.UTF_8).split("\0")) {
                if (entry.equals(RUN_TAG)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
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
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void jupyterKernelTestConformanceSuite() throws Exception {
        python("test_conformance", 840);
    }

    @Test
    @Order(3)
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void interruptStopsBusyLoopSleepAndShellCommand() throws Exception {
        python("test_interrupt", 510);
    }

    @Test
    @Order(4)
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void kernelBehaviour() throws Exception {
        python("test_behaviour", 840);
    }

    @Test
    @Order(4)
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void ijavaParity() throws Exception {
        python("test_parity", 840);
    }

    @Test
    @Order(5)
    @Timeout(value = 31, unit = TimeUnit.MINUTES)
    void notebooksRunWithNbconvert() throws Exception {
        python("test_notebooks", 1740);
    }

    @Test
    @Order(6)
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void notebookCodeRunsInWorkers() throws Exception {
        python("test_runtime", 840);
    }

    @Test
    @Order(7)
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void spawnMagics() throws Exception {
        python("test_spawn", 840);
    }

    @Test
    @Order(8)
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void poolMagic() throws Exception {
        python("test_pool", 840);
    }

    @Test
    @Order(9)
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void sharedMagic() throws Exception {
        python("test_shared", 840);
    }

    @Test
    @Order(9)
    @Timeout(value = 22, unit = TimeUnit.MINUTES)
    void clusterOnSshHostsInNetworkNamespaces() throws Exception {
        python("test_cluster", 1260);
    }

    @Test
    @Order(9)
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void clusterOnATestSlurm() throws Exception {
        python("test_cluster_slurm", 840);
    }

    @Test
    @Order(9)
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void notebookLambdasGoToWorkersAndErrorsUseNotebookNames() throws Exception {
        python("test_lambdas", 840);
    }

    @Test
    @Order(9)
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void nestedProcessesSeeTheNotebook() throws Exception {
        python("test_nested", 840);
    }

    @Test
    @Order(9)
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void childProcessOutputReachesTheCell() throws Exception {
        python("test_stdio", 510);
    }

    @Test
    @Order(9)
    @Timeout(value = 31, unit = TimeUnit.MINUTES)
    void hundredProcessCountdownUnderCpuLoad() throws Exception {
        // Issue 11 "Must show 2": 100 JVM starts (a few at a time) on a machine the test loads
        // itself; the bound is a hang detector for a slow, busy machine, not a measure.
        python("test_countdown", 1740);
    }

    @Test
    @Order(9)
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void spawnWorksAfterWireAttacksOnASmallHeap() throws Exception {
        python("test_wire_attack", 840);
    }

    @Test
    @Order(10)
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void tutorialSeriesRunsAndMatchesCommittedOutputs() throws Exception {
        // A hang is caught by nbconvert's 300 s per cell and test_series' 900 s per notebook; this
        // bound only has to hold for eleven notebooks on a loaded machine (20 min did not at load 30).
        python("test_series", 3580);
    }

    @Test
    @Order(11)
    @Timeout(value = 46, unit = TimeUnit.MINUTES)
    void browserShowsPoolProgressAndBackgroundOutput() throws Exception {
        python("test_browser", 2640);
    }

    @Test
    @Order(11)
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void jupyterLabClientSeesOutputProgressDisplaysAndInterrupt() throws Exception {
        // install/src/it/node/lab_client.mjs through @jupyterlab/services, against a server test_lab starts.
        python("test_lab", 1140);
    }

    @Test
    @Order(12)
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void installThatBuildsPrintsPlainText() throws Exception {
        // The build step is what printed Maven's colour codes, so run it for real, in a copy of the
        // sources (building in this checkout would replace the jars under test).
        Path copy = Files.createTempDirectory("jmp-install-build");
        try {
            copySources(copy);
            Path prefix = copy.resolve("prefix");
            ProcessBuilder builder = new ProcessBuilder(copy.resolve("install/install.sh").toString(), "--rebuild",
                    "--prefix", prefix.toString()).directory(copy.toFile()).redirectErrorStream(true);
            builder.environment().remove("JMP_INSTALL_NO_BUILD");
            builder.environment().remove("MAVEN_OPTS");
            builder.environment().put("JUPYTER_DATA_DIR", dataDir.toString());
            String[] tag = RUN_TAG.split("=", 2);
            builder.environment().put(tag[0], tag[1]);
            Path log = copy.resolve("install.log");
            Process process = builder.redirectOutput(log.toFile()).start();
            if (!process.waitFor(14, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                fail("install.sh --rebuild did not finish:\n" + Files.readString(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("Building jmp") && output.contains("Installed the jmp kernel"), output);
            assertTrue(output.indexOf('\u001b') < 0, "the build's output has escape codes:\n" + output);
            assertTrue(Files.exists(prefix.resolve("share/jupyter/kernels/jmp/kernel.json")), output);
        } finally {
            delete(copy);
        }
    }

    /** Copies what install.sh needs to build: the poms, the modules' sources and the kernelspec. */
    private static void copySources(Path to) throws IOException {
        Files.copy(REPO.resolve("pom.xml"), to.resolve("pom.xml"));
        for (String module : List.of("runtime", "magics", "kernel", "jjava", "install")) {
            Path from = REPO.resolve(module);
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
                    Path target = to.resolve(module).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
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
        String[] tag = RUN_TAG.split("=", 2);
        env.put(tag[0], tag[1]);
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
