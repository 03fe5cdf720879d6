package dev.jmp.launch.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jmp.launch.LaunchSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlurmOptionsTest {

    private static String refused(Map<String, String> options) {
        return assertThrows(IllegalArgumentException.class, () -> SlurmOptions.from(options)).getMessage();
    }

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @Test
    void optionsBecomeTheAllocationsSbatchArgumentsAndEachWorkerAStep() throws Exception {
        SlurmOptions o = SlurmOptions.from(Map.of("n", "32", "partition", "compute", "time", "2:00:00",
                "cpus-per-task", "4", "mem", "8G", "account", "lab-7", "extra", "--constraint=gpu  --qos=long",
                "queue-timeout", "5m", "poll", "500ms"));
        assertEquals(Duration.ofMinutes(5), o.queueTimeout());
        assertEquals(Duration.ofMillis(500), o.poll());
        SlurmLauncher launcher = new SlurmLauncher(o);
        assertEquals(32, launcher.slots());
        List<String> alloc = launcher.allocationArgs(32);
        assertEquals(List.of("--parsable", "--job-name=" + launcher.jobName(), "--comment=jmp group allocation",
                "--ntasks=32", "--partition=compute", "--time=2:00:00", "--cpus-per-task=4", "--mem-per-cpu=2048M",
                "--account=lab-7", "--constraint=gpu", "--qos=long", "--chdir=/", "--output=/dev/null",
                "--error=/dev/null", "--wrap=exec sleep infinity"), alloc);
        Path jar = java.nio.file.Files.writeString(dir.resolve("lib.jar"), "jar bytes");
        List<String> cmd = launcher.stepCommand(new LaunchSpec("w1-ab", Path.of("/j"), List.of("-Xmx1g"),
                List.of(Path.of("/classes"), jar), "Main", Map.of(), null, new byte[0]), 4711);
        // a jar goes by its content's name in the nodes' /tmp (sbcast), a folder keeps its path, and
        // the node's workers share fetched classes in a folder of this user's beside the jars
        String staged = "/tmp/jmp-" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("jar bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 8) + "-lib.jar";
        assertEquals(List.of("--quiet", "--jobid=4711", "--job-name=w1-ab", "--ntasks=1", "--nodes=1", "--exact",
                "--cpus-per-task=4", "--mem=8G", "/j/bin/java", "-Djmp.classCache=/tmp/jmp-classes-" + System.getProperty("user.name"),
                "-Xmx1g", "-cp", "/classes:" + staged, "Main"),
                cmd.subList(1, cmd.size()));
        assertEquals(List.of("/classes", staged), launcher.prepare(List.of(Path.of("/classes"), jar)));
        assertEquals(List.of(jar.toString()), SlurmLauncher.withOptions(Map.of("stage", "none")).prepare(List.of(jar)),
                "stage=none: the nodes see this machine's paths");
        assertEquals(List.of("/scratch/jmp-" + staged.substring("/tmp/jmp-".length())),
                SlurmLauncher.withOptions(Map.of("stage", "/scratch/")).prepare(List.of(jar)));
    }

    @Test
    void memoryPerCpuRoundsUp() {
        assertEquals("2048M", SlurmOptions.memPerCpu("8G", 4));
        assertEquals("512M", SlurmOptions.memPerCpu("512", 0));
        assertEquals("171M", SlurmOptions.memPerCpu("512M", 3));
        assertEquals("1M", SlurmOptions.memPerCpu("100K", 1));
        assertEquals("1048576M", SlurmOptions.memPerCpu("1T", 1));
    }

    @Test
    void slurmTimeFormatsAreAcceptedAndOthersNamed() {
        for (String t : List.of("30", "30:00", "1:30:00", "2-12", "2-12:30", "2-12:30:00")) {
            assertEquals(t, SlurmOptions.from(Map.of("time", t)).time());
        }
        assertEquals("slurm option time=2h is not a Slurm time limit: minutes, M:S, H:M:S, D-H, D-H:M or D-H:M:S",
                refused(Map.of("time", "2h")));
    }

    @Test
    void wrongValuesAreRefusedWithWhatIsAccepted() {
        assertEquals("slurm option cpus-per-task=0 is not a CPU count from 1 to 4096", refused(Map.of("cpus-per-task", "0")));
        assertEquals("slurm option mem=8GB is not a memory size: a number with an optional unit K, M, G or T (8G)",
                refused(Map.of("mem", "8GB")));
        assertEquals("slurm option partition=a b is not a partition name (letters, digits, and _ . + -)",
                refused(Map.of("partition", "a b")));
        assertEquals("slurm option queue-timeout=soon is not a duration such as 90, 90s, 500ms, 5m or 1h (0 waits forever)",
                refused(Map.of("queue-timeout", "soon")));
        assertEquals("slurm option n=0 is not a worker count from 1 to 4096", refused(Map.of("n", "0")));
        assertEquals("unknown slurm option partitions; known options: n, partition, time, cpus-per-task, mem, account, extra,"
                + " queue-timeout, poll, bin, conf, stage", refused(Map.of("partitions", "x")));
        assertEquals("slurm option stage=tmp is not an absolute folder that exists on every node (jars are copied there),"
                + " or none (a shared home)", refused(Map.of("stage", "tmp")));
    }

    @Test
    void extraArgumentsThatWouldBreakTheLaunchAreRefused() {
        assertEquals("slurm option extra=--ntasks=4: --ntasks is set by jmp itself (one allocation of n tasks per"
                + " group, each worker a step with its input and output through srun); leave it out", refused(Map.of("extra", "--ntasks=4")));
        assertThrows(IllegalArgumentException.class, () -> SlurmOptions.from(Map.of("extra", "-n4")));
        assertEquals("slurm option extra=gpu: 'gpu' is not an sbatch option; extra takes options such as"
                + " --constraint=gpu --qos=long, each starting with -", refused(Map.of("extra", "gpu")));
    }

    @Test
    void systemPropertiesAreTheFallbackAndNameThemselvesInErrors() {
        System.setProperty("jmp.slurm.mem", "lots");
        try {
            assertEquals("slurm option jmp.slurm.mem=lots is not a memory size: a number with an optional unit K, M, G"
                    + " or T (8G)", assertThrows(IllegalArgumentException.class, SlurmOptions::fromSystemProperties)
                    .getMessage());
        } finally {
            System.clearProperty("jmp.slurm.mem");
        }
        assertEquals(SlurmOptions.defaults(), SlurmOptions.fromSystemProperties());
    }
}
