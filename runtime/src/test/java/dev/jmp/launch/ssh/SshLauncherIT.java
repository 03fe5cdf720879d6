package dev.jmp.launch.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jmp.WorkerTracking;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ssh launcher against real {@code sshd}s on two "hosts": network namespaces this test makes
 * (src/test/sh/ssh-hosts.sh), joined only to a third namespace where the parent program
 * ({@link SshScenarios}) runs, so every connection starts and ends inside namespaces the test
 * owns. Needs root, {@code ip} and {@code openssh-server}; everything is removed afterwards,
 * including any process left in the namespaces.
 */
@Timeout(600)
class SshLauncherIT {

    private static final Path SCRIPT = Path.of("src/test/sh/ssh-hosts.sh").toAbsolutePath();
    private static final String PREFIX = "jmpssh" + ProcessHandle.current().pid();
    private static Path dir;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "network namespaces need root");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/sshd")), "needs openssh-server (.ci/run installs it)");
        dir = Files.createTempDirectory("jmp-ssh-it");
        assertEquals("up", run(SCRIPT.toString(), "up", PREFIX, dir.resolve("hosts").toString()).strip());
        // The routing caution: both hosts are reached through the namespaces' own links, nothing else.
        assertTrue(run("ip", "netns", "exec", PREFIX + "-h0", "ip", "route", "get", "10.77.1.2").contains("dev v0a"));
        assertTrue(run("ip", "netns", "exec", PREFIX + "-h0", "ip", "route", "get", "10.77.2.2").contains("dev v0b"));
    }

    @AfterAll
    static void down() throws Exception {
        if (dir != null) {
            run(SCRIPT.toString(), "down", PREFIX, dir.resolve("hosts").toString());
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void launcherContractPoolWorkerDeathStagingAndErrors() throws Exception {
        Driver d = Driver.start("main");
        Map<String, String> f = d.awaitEnd();
        System.out.println("scenario times (ms): " + new java.util.TreeMap<>(f).tailMap("ms.").headMap("ms/"));
        assertEquals("10.77.1.1", f.get("parentAddress"));
        assertEquals("3", f.get("slots"));
        assertEquals("got: exit 3 env=env-ok prop=yes", f.get("probe.stdout"));
        assertEquals("to stderr", f.get("probe.stderr"));
        assertEquals("3", f.get("probe.exit"));
        assertTrue(f.get("probe2.stdout").startsWith("got: sleep"));
        assertEquals("true", f.get("probe2.aliveWhileStdinOpen"));
        assertEquals("-15", f.get("probe2.exitAfterTerminate"));
        assertEquals("-9", f.get("probe3.exitAfterKill"));
        assertEquals("true", f.get("probe3.remoteGone"));
        assertEquals("[lab]", f.get("cluster.list"));
        assertEquals("3", f.get("cluster.slots"));
        assertEquals("0", f.get("cluster.afterStop"));
        assertEquals("tcp://10.77.1.1", f.get("wire.host"), "the cluster's hub listens where the hosts reach it");
        assertEquals("CURVE", f.get("wire.security"));
        assertEquals("true", f.get("wire.strangerKeyRefused"));
        assertEquals("true", f.get("wire.noCurveRefused"));
        assertEquals("true", f.get("pool.ready"));
        assertEquals("true", f.get("pool.right"), f.get("pool.byHost"));
        assertEquals("[10.77.1.2, 10.77.2.2]", f.get("pool.hosts"), f.get("pool.byHost"));
        assertEquals("true", f.get("mapped.parentSeesItsFolder"));
        assertEquals("true", f.get("mapped.ready"));
        String parentName = f.get("mapped.parentHostName");
        assertEquals("[10.77.1.2 " + parentName + " true, 10.77.2.2 " + PREFIX + "-h2 false]", f.get("mapped.seenFrom"),
                "h1 maps the array in the /dev/shm it shares with this machine, h2 (another host name and /dev/shm) cannot");
        assertEquals("60,60", f.get("mapped.counts"), "increments through the mapping and through the manager all count");
        assertEquals("true", f.get("classCache.ready"));
        assertEquals("[42]", f.get("classCache.answers"));
        // Every worker asks for the class once, digest-first, and only the first one then asks for its
        // bytes: they crossed the network once, and the other workers read the hosts' cache.
        assertEquals(String.valueOf(Integer.parseInt(f.get("classCache.workers")) + 1), f.get("classCache.asked"),
                "requests for the class (bytes served in all: " + f.get("classCache.bytesServed") + ")");
        assertEquals("true", f.get("classCache.stored"));
        assertEquals("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]", f.get("kill.results"));
        assertEquals("true", f.get("kill.victimGone"));
        int entries = Integer.parseInt(f.get("staging.entries"));
        assertEquals(entries, Integer.parseInt(f.get("staging.first")), "a fresh cache gets every jar once");
        assertEquals("0", f.get("staging.second"), "a second launcher on the same cache copies nothing");
        assertEquals("true", f.get("staging.sameNames"));
        assertEquals("1", f.get("staging.folderOnce"), "an unchanged class folder is copied once");
        assertEquals("2", f.get("staging.folderChanged"), "a changed class folder is copied again");
        String badHost = f.get("error.badHost");
        assertTrue(badHost.contains("ssh to no-such-host.invalid failed") && badHost.contains("Could not resolve hostname"),
                badHost);
        String auth = f.get("error.auth");
        assertTrue(auth.contains("ssh to 10.77.1.2 failed") && auth.contains("Permission denied"), auth);
        assertEquals("yes", f.get("done"));
        assertTrue(remoteLeftovers().isEmpty(), "processes left on the hosts: " + remoteLeftovers());
    }

    @Test
    void killingTheParentEndsEveryRemoteWorker() throws Exception {
        Driver d = Driver.start("orphans");
        d.awaitFact("orphans.ready");
        List<Long> pids = new ArrayList<>();
        for (String p : d.facts.get("orphans.pids").split(",")) {
            pids.add(Long.parseLong(p));
        }
        assertEquals(3, pids.size());
        for (long p : pids) {
            assertTrue(WorkerTracking.alive(p), "remote worker " + p + " runs before the parent is killed");
        }
        d.process.destroyForcibly();
        d.process.waitFor();
        assertEquals(List.of(), WorkerTracking.survivors(pids, 300_000), "remote workers outlived their parent");
        long deadline = System.currentTimeMillis() + 300_000;
        while (!remoteLeftovers().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(remoteLeftovers().isEmpty(), "processes left on the hosts: " + remoteLeftovers());
    }

    /**
     * A silent partition mid-pool: host 1's link goes down while items run on both hosts. Nothing
     * ends or closes, so only the heartbeat timeout can tell; the item caught there is retried on
     * host 2, the pool completes with every result right, host 1's worker is no longer listed and
     * its process ends (it hears nothing from the parent). With the link up again, the pool grows
     * back onto host 1, and at the end nothing is left.
     */
    @Test
    void linkDownMidPoolRetriesOnTheOtherHostAndGrowsBackAfter() throws Exception {
        Driver d = Driver.start("partition");
        try {
            d.awaitFact("partition.running");
            run("ip", "-n", PREFIX + "-h1", "link", "set", "v1", "down");
            Files.writeString(dir.resolve("hosts/partition/linkdown"), "down");
            d.awaitFact("partition.smaller");
            run("ip", "-n", PREFIX + "-h1", "link", "set", "v1", "up");
            Files.writeString(dir.resolve("hosts/partition/linkup"), "up");
            Map<String, String> f = d.awaitEnd();
            assertEquals("true", f.get("partition.ready"));
            assertEquals("30", f.get("partition.results"));
            assertEquals("true", f.get("partition.right"), "every item's result, each from host 2");
            assertEquals("false", f.get("partition.host1Listed"), "host 1's worker is reported gone");
            assertEquals("true", f.get("partition.host1Gone"), "host 1's worker ended without its parent");
            assertEquals("true", f.get("partition.regrown"), "with host 1 back, the pool grew back onto it");
            assertEquals("true", f.get("partition.stopped"));
        } finally {
            run("ip", "-n", PREFIX + "-h1", "link", "set", "v1", "up");
        }
        long deadline = System.currentTimeMillis() + 300_000;
        while (!remoteLeftovers().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(remoteLeftovers().isEmpty(), "processes left on the hosts: " + remoteLeftovers());
    }

    /** Processes in the host namespaces other than their sshd listeners (sessions, wrappers, workers). */
    private static List<Long> remoteLeftovers() throws Exception {
        List<Long> out = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            long sshd = Long.parseLong(Files.readString(dir.resolve("hosts/sshd-h" + i + ".pid")).strip());
            for (String p : run("ip", "netns", "pids", PREFIX + "-h" + i).split("\\s+")) {
                if (!p.isBlank() && Long.parseLong(p) != sshd && WorkerTracking.alive(Long.parseLong(p))) {
                    out.add(Long.parseLong(p));
                }
            }
        }
        return out;
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    /** The parent program, run in the parent's namespace; its fact lines collected as they come. */
    private static final class Driver {
        final java.lang.Process process;
        final Map<String, String> facts = new ConcurrentHashMap<>();
        final BlockingQueue<String> arrivals = new LinkedBlockingQueue<>();
        final Path log;

        private Driver(java.lang.Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        static Driver start(String scenario) throws IOException {
            String java = ProcessHandle.current().info().command().orElseThrow();
            Path log = dir.resolve(scenario + ".log");
            java.lang.Process p = new ProcessBuilder("ip", "netns", "exec", PREFIX + "-h0", java,
                    "-cp", System.getProperty("java.class.path"), SshScenarios.class.getName(), scenario,
                    dir.resolve("hosts").toString()).redirectError(log.toFile()).start();
            Driver d = new Driver(p, log);
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("fact ")) {
                            String[] kv = line.substring(5).split(" ", 2);
                            d.facts.put(kv[0], kv.length > 1 ? kv[1] : "");
                            d.arrivals.add(kv[0]);
                        }
                    }
                } catch (IOException e) {
                    // the driver ended
                }
                d.arrivals.add("");
            }, "ssh-it-driver");
            t.setDaemon(true);
            t.start();
            return d;
        }

        void awaitFact(String name) throws Exception {
            while (!facts.containsKey(name)) {
                String next = arrivals.poll(300, TimeUnit.SECONDS);
                if (next == null || next.isEmpty()) {
                    throw new AssertionError("the parent program ended or hung before " + name + "; its log:\n"
                            + Files.readString(log));
                }
            }
        }

        Map<String, String> awaitEnd() throws Exception {
            boolean ended = process.waitFor(500, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            assertTrue(ended && process.exitValue() == 0, "the parent program failed: " + facts + "\n" + Files.readString(log));
            awaitFact("done");
            return facts;
        }
    }
}
