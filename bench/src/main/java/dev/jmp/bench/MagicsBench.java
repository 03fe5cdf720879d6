package dev.jmp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Figures of the notebook magics, request to reply through a real Jupyter client:
 * {@code magic.pool_overhead_ms} (a {@code %%pool} over 2 no-op items, 2 warm workers) and
 * {@code magic.spawn_warm_ms} (a {@code %%spawn} of one process, warm workers) and
 * {@code magic.pool_1m_items_s} (a {@code %%pool} over a million ints returning their squares, in
 * seconds; peer: {@code Pool(2).map} over {@code range(1_000_000)}). Both sides are
 * driven by {@code bench/py/magics_peer.py}, which installs the kernel of this repository into a
 * temporary prefix; the peer is ipykernel running the same work with Python's
 * {@code multiprocessing} ({@code Pool(2).map} over 2 items; {@code Process} start and join).
 */
public final class MagicsBench implements BenchSuite {

    private static final String PEER = "magics_peer.py";
    private static final long TIMEOUT_MINUTES = 10;

    /** Creates the suite (called by {@link java.util.ServiceLoader}). */
    public MagicsBench() {
    }

    @Override
    public List<Figure> figures() {
        return List.of(
                Figure.lowerIsBetter("magic.pool_overhead_ms", "ms", PEER, "py_pool", () -> jmp("jmp_pool")),
                Figure.lowerIsBetter("magic.spawn_warm_ms", "ms", PEER, "py_spawn", () -> jmp("jmp_spawn")),
                Figure.lowerIsBetter("magic.pool_1m_items_s", "s", PEER, "py_pool1m", () -> jmp("jmp_pool1m")));
    }

    /** Runs the driver's jmp case; it prints the median in ms as its last line. */
    static double jmp(String jmpCase) throws IOException, InterruptedException {
        String python = System.getenv().getOrDefault("JMP_BENCH_PYTHON", "/usr/bin/python3");
        Process p = new ProcessBuilder(python, BenchMain.benchDir().resolve("py").resolve(PEER).toString(), jmpCase)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().close();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (!line.isBlank()) {
                    last = line.trim();
                }
            }
        }
        try {
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new IOException(PEER + " " + jmpCase + " did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            if (p.exitValue() != 0 || last == null) {
                throw new IOException(PEER + " " + jmpCase + " exited with " + p.exitValue() + ", last line " + last);
            }
            return Double.parseDouble(last);
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }
}
