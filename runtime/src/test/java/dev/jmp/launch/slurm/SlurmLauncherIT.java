package dev.jmp.launch.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jmp.Jmp;
import dev.jmp.Process;
import dev.jmp.WorkerTracking;
import dev.jmp.internal.supervisor.RuntimeSettings;
import dev.jmp.launch.Launcher;
import dev.jmp.launch.LauncherContract;
import dev.jmp.spi.Subscription;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher contract, and what a batch scheduler adds, against a real single-node Slurm that
 * this class starts and stops: a job that waits shows why and ends at the queue timeout (not at
 * the runtime's start timeout), a job cancelled outside jmp is named as such, and a parent killed
 * with {@code kill -9} leaves no job behind.
 */
class SlurmLauncherIT extends LauncherContract {

    @TempDir
    static Path dir;
    private static SlurmCluster cluster;
    /** The launchers the contract tests made: closed after each test, as a runtime closes its own. */
    private final List<Launcher> made = new ArrayList<>();

    @BeforeAll
    static void startSlurm() throws Exception {
        String missing = SlurmCluster.missing();
        assumeTrue(missing == null, missing);
        cluster = SlurmCluster.start(dir.resolve("slurm"));
        // For the runtime's own launcher (made by name through ServiceLoader, from properties).
        System.setProperty("jmp.slurm.conf", cluster.conf().toString());
        System.setProperty("jmp.slurm.poll", "200ms");
        // Jars are copied to the "nodes" (sbcast) into this test's folder, not the machine's /tmp.
        System.setProperty("jmp.slurm.stage", java.nio.file.Files.createDirectories(dir.resolve("stage")).toString());
    }

    @AfterAll
    static void stopSlurm() throws Exception {
        for (String key : SlurmOptions.KEYS) {
            System.clearProperty(SlurmOptions.PROPERTY_PREFIX + key);
        }
        if (cluster != null) {
            try {
                cluster.awaitNoJobs();
            } finally {
                cluster.close();
            }
        }
    }

    @AfterEach
    void noJobOutlivesTheTest() throws Exception {
        Jmp.shutdown();
        made.forEach(Launcher::close);
        System.clearProperty("jmp.slurm.partition");
        System.clearProperty("jmp.slurm.queue-timeout");
        cluster.awaitNoJobs();
    }

    @Override
    protected Launcher launcher() {
        Launcher l = new SlurmLauncher(SlurmOptions.fromSystemProperties());
        made.add(l);
        return l;
    }

    @Test
    void aClusterOfSlurmJobsRunsAPoolOverCurveAndRefusesBadOptions() throws Exception {
        // %cluster start NAME --launcher slurm ... calls this: options as strings, checked at once.
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> dev.jmp.Cluster.start("slurmbad", "slurm", java.util.Map.of("partitoin", "x")));
        assertTrue(bad.getMessage().contains("unknown slurm option partitoin") && bad.getMessage().contains("bind"),
                bad.getMessage());
        // bind: the runtime listens there, with CURVE only, as for jobs on other nodes. n: one allocation
        // of that many tasks for the group, each worker a step of it.
        String stage = dir.resolve("stage").toString();
        dev.jmp.Cluster c = dev.jmp.Cluster.start("slurmtest", "slurm", java.util.Map.of(
                "conf", cluster.conf().toString(), "poll", "200ms", "bind", "127.0.0.1", "n", "2", "stage", stage));
        try (dev.jmp.Pool pool = dev.jmp.Pool.builder().runtime(c.runtime()).processes(c.slots()).build()) {
            List<Integer> squares = pool.map(x -> x * x, List.of(1, 2, 3, 4, 5, 6));
            assertEquals(List.of(1, 4, 9, 16, 25, 36), squares);
            // The workers run from the jars sbcast put in the stage folder, named by their content.
            String cp = pool.apply(() -> System.getProperty("java.class.path"));
            for (String entry : cp.split(java.io.File.pathSeparator)) {
                if (entry.endsWith(".jar")) {
                    assertTrue(entry.startsWith(stage + "/jmp-") && java.nio.file.Files.isRegularFile(Path.of(entry)), cp);
                }
            }
            assertTrue(cp.contains(stage + "/jmp-"), cp);
            // A class only the parent has crosses once per node: the steps share the node's class
            // cache beside the staged jars (a folder of this user's alone).
            dev.jmp.launch.ParentOnlyClass parentOnly = new dev.jmp.launch.ParentOnlyClass();
            dev.jmp.Jmp.addClassSource(parentOnly);
            try {
                List<String> seen = new ArrayList<>(List.of(pool.apply(dev.jmp.launch.ParentOnlyClass::answerAndPid)));
                seen.addAll(pool.map(x -> {
                    Thread.sleep(20);
                    return dev.jmp.launch.ParentOnlyClass.answerAndPid();
                }, List.of(1, 2, 3, 4, 5, 6, 7, 8), 1));
                assertEquals(List.of("42"), seen.stream().map(a -> a.split(" ")[0]).distinct().toList());
                long workers = seen.stream().map(a -> a.split(" ")[1]).distinct().count();
                assertEquals(workers + 1, parentOnly.asked(), "every worker asked digest-first, only the first for the bytes");
                Path classes = Path.of(stage, "jmp-classes-" + System.getProperty("user.name"));
                assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                        java.nio.file.Files.getPosixFilePermissions(classes)));
                assertTrue(java.nio.file.Files.isRegularFile(classes.resolve(
                        dev.jmp.internal.classes.ClassDigests.of(parentOnly.bytes()))));
            } finally {
                dev.jmp.Jmp.removeClassSource(parentOnly);
            }
            // Both workers run as steps of one job, each step named by its worker.
            List<String> jobs = cluster.activeJobs();
            assertEquals(1, jobs.size(), jobs.toString());
            String job = jobs.get(0).split("\\|")[0];
            List<String> steps = cluster.steps(job);
            assertEquals(2, steps.size(), steps.toString());
            assertEquals(2, steps.stream().map(st -> st.split("\\|")[1]).distinct().count(), steps.toString());
            // %cluster resize slurmtest -n 4: only the worker count may change, and the two more
            // workers come as one more allocation of two tasks, while the first pool keeps its own.
            IllegalArgumentException other = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> dev.jmp.Cluster.resize("slurmtest", java.util.Map.of("n", "4", "time", "5:00")));
            assertTrue(other.getMessage().contains("changes only its worker count (-n)"), other.getMessage());
            assertEquals(2, c.slots(), "a refused resize changes nothing");
            dev.jmp.Cluster.resize("slurmtest", java.util.Map.of("n", "4"));
            assertEquals(4, c.slots());
            try (dev.jmp.Pool more = dev.jmp.Pool.builder().runtime(c.runtime()).processes(2).build()) {
                assertEquals(List.of(2, 3), more.map(x -> x + 1, List.of(1, 2)));
                List<String> now = cluster.activeJobs();
                assertEquals(2, now.size(), now.toString());
                String added = now.stream().map(j -> j.split("\\|")[0]).filter(j -> !j.equals(job)).findFirst().orElseThrow();
                assertEquals(2, cluster.steps(added).size(), cluster.steps(added).toString());
                assertEquals(2, cluster.steps(job).size(), "the first pool's workers stay where they were");
            }
        } finally {
            dev.jmp.Cluster.stop("slurmtest");
        }
        // Stopping the group cancelled its allocation (the test's @AfterEach would wait for it for ever).
        assertEquals(List.of(), cluster.activeJobs().stream().filter(j -> !j.contains("|COMPLETING|")).toList());
    }

    @Test
    void aNodeWithoutThisMachinesJavaGetsAWorkerErrorNamingTheLimit() throws Exception {
        // A node that lacks the java path: srun is wrapped (option bin) to ask the real srun for a
        // java that does not exist, so the real slurmstepd fails as on a node without it.
        Path bin = java.nio.file.Files.createDirectories(dir.resolve("nojava-bin"));
        Path real = null;
        for (String d : System.getenv("PATH").split(":")) {
            if (java.nio.file.Files.isExecutable(Path.of(d, "srun"))) {
                real = Path.of(d);
                break;
            }
        }
        assertTrue(real != null, "srun on the PATH");
        for (String tool : List.of("sbatch", "squeue", "scancel", "sacct", "scontrol", "sinfo", "sbcast")) {
            if (java.nio.file.Files.exists(real.resolve(tool))) {
                java.nio.file.Files.createSymbolicLink(bin.resolve(tool), real.resolve(tool));
            }
        }
        Path srun = bin.resolve("srun");
        java.nio.file.Files.writeString(srun, "#!/bin/bash\nargs=()\nfor a in \"$@\"; do case \"$a\" in"
                + " */bin/java) args+=(/nonexistent-jdk/bin/java) ;; *) args+=(\"$a\") ;; esac; done\n"
                + "exec " + real.resolve("srun") + " \"${args[@]}\"\n");
        srun.toFile().setExecutable(true);
        dev.jmp.Cluster c = dev.jmp.Cluster.start("nojava", "slurm", java.util.Map.of(
                "conf", cluster.conf().toString(), "poll", "200ms", "bin", bin.toString(), "stage", dir.resolve("stage").toString()));
        try {
            Process p = new Process(() -> System.out.println("never runs")).runtime(c.runtime()).start();
            p.join();
            String stderr = String.join("\n", p.lastStderr());
            assertNotEquals(0, p.exitCode(), stderr);
            assertTrue(stderr.contains("execve(): /nonexistent-jdk/bin/java"), stderr);
            assertTrue(stderr.contains("could not start the worker: the slurm launcher copies no java,"), stderr);
        } finally {
            dev.jmp.Cluster.stop("nojava");
        }
    }

    @Test
    void aQueuedJobShowsItsReasonAndEndsAtTheQueueTimeoutNotAtTheStartTimeout() throws Exception {
        RuntimeSettings settings = RuntimeSettings.global();
        long startTimeout = settings.startTimeoutMillis();
        String launcher = settings.launcher();
        System.setProperty("jmp.slurm.partition", "closed");     // a partition that is DOWN: the job waits
        System.setProperty("jmp.slurm.queue-timeout", "3s");
        Jmp.shutdown();
        Jmp.setLauncher("slurm");
        settings.setStartTimeoutMillis(500);                      // far shorter than the queue timeout
        try {
            Process p = new Process(() -> System.out.println("never runs")).start();
            p.join();
            String stderr = String.join("\n", p.lastStderr());
            assertTrue(stderr.contains("pending for") && stderr.contains("(reason: PartitionDown)"), stderr);
            assertTrue(stderr.contains("longer than the queue timeout of 3 s; cancelled"), stderr);
            assertNotEquals(-9, p.exitCode(), "not killed by the start timeout: " + stderr);
            assertNotEquals(0, p.exitCode());
        } finally {
            settings.setStartTimeoutMillis(startTimeout);
            Jmp.setLauncher(launcher);
        }
    }

    @Test
    void aJobCancelledOutsideJmpIsReportedAsSuch() throws Exception {
        String launcher = RuntimeSettings.global().launcher();
        Jmp.shutdown();
        Jmp.setLauncher("slurm");
        CountDownLatch running = new CountDownLatch(1);
        Subscription listening = Jmp.addOutputListener(e -> {
            if (e.line().equals("task running")) {
                running.countDown();
            }
        });
        try {
            Process p = new Process(() -> {
                System.out.println("task running");
                Thread.sleep(600_000);
            }).start();
            running.await();
            List<String> jobs = cluster.activeJobs();
            assertEquals(1, jobs.size(), jobs.toString());
            cluster.run("scancel", jobs.get(0).split("\\|")[0]);
            p.join();
            String stderr = String.join("\n", p.lastStderr());
            assertEquals(-15, p.exitCode(), stderr);
            assertTrue(stderr.contains("ended CANCELLED (cancelled outside jmp: scancel or an administrator)"), stderr);
        } finally {
            listening.close();
            Jmp.setLauncher(launcher);
        }
    }

    @Test
    void killingTheParentLeavesNoJob() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Djmp.slurm.conf=" + cluster.conf(), "-Djmp.slurm.poll=200ms",
                "-Djmp.slurm.stage=" + dir.resolve("stage"),
                "-cp", System.getProperty("java.class.path"), SlurmParentMain.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("JMP_TEST_RUN", "SlurmLauncherIT-" + ProcessHandle.current().pid());
        java.lang.Process parent = pb.start();
        List<Long> sruns = new ArrayList<>();
        try {
            String line = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertTrue(line != null && line.startsWith("srun pids ["), "the parent ran no worker: " + line);
            for (String pid : line.substring("srun pids [".length(), line.length() - 1).split(",\\s*")) {
                sruns.add(Long.parseLong(pid));
            }
            assertEquals(1, cluster.activeJobs().size());
        } finally {
            parent.destroyForcibly().waitFor();                    // kill -9: no hook, no goodbye
        }
        cluster.awaitNoJobs();
        assertEquals(List.of(), WorkerTracking.survivors(sruns, 60_000), "srun outlived its parent");
    }
}
