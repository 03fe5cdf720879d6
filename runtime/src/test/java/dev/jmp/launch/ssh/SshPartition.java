package dev.jmp.launch.ssh;

import static dev.jmp.launch.ssh.SshScenarios.fact;

import dev.jmp.Cluster;
import dev.jmp.Pool;
import dev.jmp.Worker;
import dev.jmp.spi.WorkerInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The partition scenario of {@link SshLauncherIT}, run in the parent's namespace: a pool over both
 * hosts whose items all wait until the test has taken host 1's link down (it writes
 * {@code linkdown}); the item caught on host 1 then never answers, so the pool completes only if
 * the runtime notices the silent partition (heartbeat timeout) and retries that item on host 2.
 * The hosts share this machine's file system, which the items use to say where they run.
 */
final class SshPartition {

    private static final String HOST1 = "10.77.1.2";

    private SshPartition() {
    }

    static void run(Path dir) throws Exception {
        Path marks = Files.createDirectories(dir.resolve("partition"));
        String markDir = marks.toString();
        Cluster part = Cluster.start("part", "ssh", SshScenarios.options(dir));
        try (Pool pool = Pool.builder().runtime(part.runtime()).processes(part.slots()).retries(1).build()) {
            fact("partition.ready", pool.awaitWorkers(Duration.ofSeconds(300)));
            List<Integer> items = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                items.add(i);
            }
            var result = pool.mapAsync(x -> {
                String host = System.getenv("SSH_CONNECTION").split(" ")[2];
                Path m = Path.of(markDir);
                Path tmp = m.resolve(x + ".tmp");
                Files.writeString(tmp, host + " " + Worker.pid());
                Files.move(tmp, m.resolve(host + "-" + x));
                // Polling a file the test writes: the items' only way to hear from it.
                while (!Files.exists(m.resolve("linkdown"))) {
                    Thread.sleep(20);
                }
                while (host.equals(HOST1)) {
                    Thread.sleep(1000);     // cut off: its answer could not arrive anyway
                }
                return x * x + " " + host;
            }, items, 1, null, null);
            long host1Pid = awaitBothHosts(marks);
            fact("partition.running", "yes");
            List<String> out = result.get(300, TimeUnit.SECONDS);
            boolean right = out.size() == items.size();
            for (int i = 0; i < out.size(); i++) {
                right &= out.get(i).equals(i * i + " 10.77.2.2");
            }
            fact("partition.right", right);
            fact("partition.results", out.size());
            fact("partition.host1Pid", host1Pid);
            fact("partition.host1Listed", part.runtime().workers().stream().map(WorkerInfo::pid).toList().contains(host1Pid));
            fact("partition.host1Gone", SshScenarios.gone(List.of(host1Pid)));
            // The pool went on with host 2 alone; once host 1 answers again it grows back there.
            fact("partition.smaller", "yes");
            while (!Files.exists(marks.resolve("linkup"))) {
                Thread.sleep(20);
            }
            fact("partition.regrown", regrown(pool));
        }
        Cluster.stop("part");
        fact("partition.stopped", Cluster.list().isEmpty());
    }

    /**
     * Runs short rounds of items until one of them ran on host 1 (true), or 300 s passed (false):
     * the pool's try again at its lost slot comes some seconds after the link is back.
     */
    private static boolean regrown(Pool pool) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        List<Integer> four = List.of(0, 1, 2, 3);
        while (System.currentTimeMillis() < deadline) {
            List<String> hosts = pool.map(x -> {
                Thread.sleep(200); // long enough for both workers to take items
                return System.getenv("SSH_CONNECTION").split(" ")[2];
            }, four, 1);
            if (hosts.contains(HOST1)) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Waits until items run on both hosts; returns the pid of the worker on host 1. */
    private static long awaitBothHosts(Path marks) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            Long host1 = null;
            boolean host2 = false;
            try (var s = Files.list(marks)) {
                for (Path p : s.toList()) {
                    String name = p.getFileName().toString();
                    if (name.startsWith(HOST1 + "-")) {
                        host1 = Long.parseLong(Files.readString(p).split(" ")[1]);
                    } else if (name.startsWith("10.77.2.2-")) {
                        host2 = true;
                    }
                }
            }
            if (host1 != null && host2) {
                return host1;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no item started on both hosts within 300 s");
    }
}
