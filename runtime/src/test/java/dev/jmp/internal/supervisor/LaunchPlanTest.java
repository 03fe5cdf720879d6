package dev.jmp.internal.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.internal.wire.WireCodec;
import dev.jmp.internal.worker.WorkerBootstrap;
import dev.jmp.internal.worker.WorkerMain;
import dev.jmp.launch.LaunchSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How a worker's JVM is started: options in override order, the archive of the worker's own java, the secret on stdin. */
@Timeout(300)
class LaunchPlanTest {

    private static final List<Path> CP = List.of(Path.of("/jars/jmp-runtime.jar"), Path.of("/jars/gson.jar"));
    private final WorkerBootstrap boot = new WorkerBootstrap("w3-ab", "tcp://127.0.0.1:1", "tcp://127.0.0.1:2",
            "00ff", 99, "n0", 500, 10_000, 600_000, List.of("/user/classes"), null, null);

    private LaunchSpec spec(WorkerOptions options, boolean archive) {
        return LaunchPlan.spec(boot, options, List.of("-Xmx1g", "-Druntime=1"), List.of("-Xss2m", "-Xmx512m"), CP,
                (home, cp) -> List.of("-XX:SharedArchiveFile=/cache/" + (home == null ? "own" : home.getFileName()) + "-"
                        + cp.size() + ".jsa"), archive);
    }

    @Test
    void laterOptionsOverrideEarlierOnesSoTheUsersWin() {
        LaunchSpec s = spec(new WorkerOptions(List.of("-Xmx2g"), Map.of()), true);
        assertEquals(List.of("-Xss2m", "-Xmx512m", "-XX:SharedArchiveFile=/cache/own-2.jsa", "-Xmx1g", "-Druntime=1", "-Xmx2g"),
                s.jvmOptions());
    }

    @Test
    void theArchiveIsLeftOutWhenNotWanted() {
        LaunchSpec s = spec(WorkerOptions.DEFAULT, false);
        assertEquals(List.of("-Xss2m", "-Xmx512m", "-Xmx1g", "-Druntime=1"), s.jvmOptions());
    }

    @Test
    void eachJavaGetsItsOwnArchiveUnlessTheUserChoseOne() {
        assertTrue(LaunchPlan.usesArchive(true, WorkerOptions.DEFAULT, List.of("-Xmx1g")));
        assertFalse(LaunchPlan.usesArchive(false, WorkerOptions.DEFAULT, List.of()), "the training worker makes it");
        WorkerOptions otherJava = new WorkerOptions(List.of(), Map.of(), Path.of("/opt/jdk-25"));
        assertTrue(LaunchPlan.usesArchive(true, otherJava, List.of()), "another JDK has an archive of its own");
        assertEquals(List.of("-Xss2m", "-Xmx512m", "-XX:SharedArchiveFile=/cache/jdk-25-2.jsa", "-Xmx1g", "-Druntime=1"),
                spec(otherJava, true).jvmOptions());
        assertFalse(LaunchPlan.usesArchive(true, WorkerOptions.DEFAULT, List.of("-Xshare:off")),
                "the JVM refuses -XX:AOTCache beside -Xshare:off");
        assertFalse(LaunchPlan.usesArchive(true, new WorkerOptions(List.of("-XX:AOTCache=/mine.aot"), Map.of()), List.of()));
    }

    @Test
    void aWorkerRunsThisJavaUnlessItAsksForAnother() {
        assertEquals(Path.of(System.getProperty("java.home")), spec(WorkerOptions.DEFAULT, false).javaHome());
        WorkerOptions otherJava = new WorkerOptions(List.of(), Map.of("A", "1"), Path.of("/opt/jdk-25"));
        LaunchSpec s = spec(otherJava, false);
        assertEquals(Path.of("/opt/jdk-25"), s.javaHome());
        assertEquals(Map.of("A", "1"), s.env());
    }

    @Test
    void theBootstrapTravelsOnStandardInputAsOneJsonLineNotOnTheCommandLine() {
        LaunchSpec s = spec(WorkerOptions.DEFAULT, true);
        assertEquals("w3-ab", s.workerId());
        assertEquals(WorkerMain.class.getName(), s.mainClass());
        assertEquals(CP, s.classpath());
        String stdin = new String(s.bootstrap(), StandardCharsets.UTF_8);
        assertTrue(stdin.endsWith("\n"));
        assertEquals(1, stdin.lines().count());
        assertEquals(boot, WireCodec.gson().fromJson(stdin, WorkerBootstrap.class));
        assertTrue(s.jvmOptions().stream().noneMatch(o -> o.contains("00ff")), "the key is not on the command line");
    }
}
