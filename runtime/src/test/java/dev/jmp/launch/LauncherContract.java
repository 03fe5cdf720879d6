package dev.jmp.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.Jmp;
import dev.jmp.Pool;
import dev.jmp.Worker;
import dev.jmp.WorkerTracking;
import dev.jmp.internal.supervisor.RuntimeSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Launcher} must do. A launcher's test extends this class and names the
 * launcher; the same tests then run against it.
 */
@Timeout(300)
public abstract class LauncherContract extends WorkerTracking {

    /** The launcher under test. */
    protected abstract Launcher launcher();

    private LaunchedWorker probe(String command) throws Exception {
        Path classes;
        try {
            classes = Path.of(LauncherProbeMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return launcher().launch(new LaunchSpec("probe", Path.of(System.getProperty("java.home")),
                List.of("-Djmp.probe=yes"), List.of(classes), LauncherProbeMain.class.getName(),
                Map.of("JMP_PROBE", "env-ok"), null, (command + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    private static String firstLine(java.io.InputStream in) throws Exception {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
    }

    @Test
    void isFoundByItsShortName() {
        assertSame(launcher().getClass(), Launchers.byName(launcher().name()).getClass());
    }

    @Test
    void feedsTheBootstrapOnStdinAndExposesStdoutStderrAndExitCode() throws Exception {
        LaunchedWorker w = probe("exit 3");
        assertEquals("got: exit 3 env=env-ok prop=yes", firstLine(w.stdout()));
        assertEquals("to stderr", firstLine(w.stderr()));
        assertEquals(3, w.onExit().get(300, TimeUnit.SECONDS));
        assertFalse(w.isAlive());
    }

    @Test
    void keepsStdinOpenAndReportsSignalsAsNegativeCodes() throws Exception {
        LaunchedWorker w = probe("sleep");
        assertTrue(firstLine(w.stdout()).startsWith("got: sleep"));
        Thread.sleep(300);
        assertTrue(w.isAlive(), "stdin stays open while the parent lives");
        assertTrue(ProcessHandle.of(w.pid()).isPresent());
        w.terminate();
        assertEquals(-15, w.onExit().get(300, TimeUnit.SECONDS));
        LaunchedWorker k = probe("sleep");
        firstLine(k.stdout());
        k.kill();
        assertEquals(-9, k.onExit().get(300, TimeUnit.SECONDS));
    }

    @Test
    void runsRealWorkers() {
        String before = RuntimeSettings.global().launcher();
        Jmp.shutdown();
        Jmp.setLauncher(launcher().name());
        try (Pool pool = new Pool(2)) {
            List<Long> pids = pool.map(x -> Worker.pid(), List.of(1, 2, 3, 4));
            assertTrue(pids.stream().allMatch(p -> p != ProcessHandle.current().pid()));
        } finally {
            Jmp.setLauncher(before);
        }
    }
}
