package dev.jmp.launch.slurm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Slurm owned by one test class: munged, slurmctld and slurmd on 127.0.0.1 with free
 * ports and all their state in the test's folder, started by {@code slurm/single-node.sh}. The
 * script ends its daemons when its stdin closes, so the cluster goes with the test JVM whatever
 * way that ends.
 */
final class SlurmCluster {

    private final Path dir;
    private final Process script;

    private SlurmCluster(Path dir, Process script) {
        this.dir = dir;
        this.script = script;
    }

    /** Why Slurm tests cannot run here, or {@code null} if they can. */
    static String missing() {
        for (String d : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin")) {
            if (Files.isExecutable(Path.of(d, "slurmctld"))) {
                return null;
            }
        }
        return "slurmctld is not installed: Slurm launcher tests skipped (apt-get install slurm-wlm munge)";
    }

    /** Starts the cluster in {@code dir} and returns once its node is idle. */
    static SlurmCluster start(Path dir) throws IOException {
        Path script;
        try {
            script = Path.of(SlurmCluster.class.getResource("/slurm/single-node.sh").toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Files.createDirectories(dir);
        // munged refuses a socket below a folder others cannot traverse; a test's temp folder is 700.
        Files.setPosixFilePermissions(dir.getParent(), java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), dir.toString(), "8",
                Integer.toString(freePort()), Integer.toString(freePort()))
                .redirectError(dir.resolve("harness.err").toFile());
        pb.environment().put("JMP_TEST_RUN", "SlurmLauncherIT-" + ProcessHandle.current().pid());
        Process p = pb.start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (!"ready".equals(line)) {
            p.getOutputStream().close();
            throw new IOException("the test Slurm did not start: " + Files.readString(dir.resolve("harness.err")));
        }
        return new SlurmCluster(dir, p);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Its slurm.conf. */
    Path conf() {
        return dir.resolve("slurm.conf");
    }

    /** Runs a Slurm command against this cluster and returns its output (stdout and stderr). */
    String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("SLURM_CONF", conf().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** The jobs the cluster still has queued, running or completing, one {@code id|state|reason} each. */
    List<String> activeJobs() throws IOException, InterruptedException {
        List<String> jobs = new ArrayList<>();
        for (String l : run("squeue", "--noheader", "--format=%i|%T|%r").split("\n")) {
            if (!l.isBlank()) {
                jobs.add(l.strip());
            }
        }
        return jobs;
    }

    /** The steps of a job other than its batch step, one {@code J.S|name|node} each. */
    List<String> steps(String job) throws IOException, InterruptedException {
        List<String> steps = new ArrayList<>();
        for (String l : run("squeue", "--noheader", "--steps", "--jobs=" + job, "--format=%i|%j|%N").split("\n")) {
            if (l.strip().matches("\\d+\\.\\d+\\|.*")) {
                steps.add(l.strip());
            }
        }
        return steps;
    }

    /** Waits until no job is left (the test's timeout is the hang detector). */
    void awaitNoJobs() throws IOException, InterruptedException {
        while (!activeJobs().isEmpty()) {
            Thread.sleep(100);
        }
    }

    /** Stops the daemons (closing the script's stdin) and waits for them. */
    void close() throws IOException, InterruptedException {
        script.getOutputStream().close();
        if (!script.waitFor(60, TimeUnit.SECONDS)) {
            script.destroyForcibly();
        }
    }
}
