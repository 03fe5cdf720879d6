package dev.jmp.launch.ssh;

import dev.jmp.Cluster;
import dev.jmp.JmpRuntime;
import dev.jmp.Pool;
import dev.jmp.Process;
import dev.jmp.Worker;
import dev.jmp.internal.supervisor.RuntimeAccess;
import dev.jmp.internal.wire.Hub;
import dev.jmp.internal.wire.WireCounters;
import dev.jmp.internal.wire.WireCredential;
import dev.jmp.internal.wire.WireSecurity;
import dev.jmp.launch.LaunchSpec;
import dev.jmp.launch.LaunchedWorker;
import dev.jmp.launch.LauncherProbeMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The parent program of {@link SshLauncherIT}, run inside the test's "parent host" namespace
 * (a JVM cannot move into a network namespace, so the test runs this one there). It plays one
 * scenario against the ssh "hosts" and prints what it saw as {@code fact NAME VALUE} lines, which
 * the test checks: the assertions stay in the test.
 */
public final class SshScenarios {

    private SshScenarios() {
    }

    /** {@code main SCENARIO DIR}: {@code main} (contract, pool, worker kill, staging, errors) or {@code orphans}. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("orphans")) {
            orphans(dir);
        } else if (args[0].equals("partition")) {
            SshPartition.run(dir);
        } else {
            long t = System.nanoTime();
            contract(dir);
            t = lap("contract", t);
            pool(dir);
            t = lap("pool", t);
            staging(dir);
            t = lap("staging", t);
            errors(dir);
            lap("errors", t);
        }
        fact("done", "yes");
        System.exit(0);
    }

    /** Reports how long a scenario took (for the report, never asserted). */
    private static long lap(String scenario, long since) {
        long now = System.nanoTime();
        fact("ms." + scenario, (now - since) / 1_000_000);
        return now;
    }

    /** The launcher options for both test hosts: 10.77.1.2 with one worker, 10.77.2.2 with two. */
    static Map<String, String> options(Path dir) {
        Map<String, String> o = new HashMap<>();
        o.put("hosts", "10.77.1.2,10.77.2.2:2");
        o.put("identity", dir.resolve("id").toString());
        o.put("known-hosts", dir.resolve("known_hosts").toString());
        o.put("cache", dir.resolve("cache").toString());
        return o;
    }

    static void fact(String name, Object value) {
        System.out.println("fact " + name + " " + String.valueOf(value).replace('\n', ' '));
        System.out.flush();
    }

    private static LaunchedWorker probe(SshLauncher l, String command) throws Exception {
        Path classes = Path.of(LauncherProbeMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return l.launch(new LaunchSpec("probe", Path.of(System.getProperty("java.home")), List.of("-Djmp.probe=yes"),
                List.of(classes), LauncherProbeMain.class.getName(), Map.of("JMP_PROBE", "env-ok"), null,
                (command + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    private static String line(java.io.InputStream in) throws Exception {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
    }

    /** The launcher contract, played on a remote host. */
    private static void contract(Path dir) throws Exception {
        SshLauncher l = new SshLauncher();
        l.configure(options(dir));
        fact("parentAddress", l.parentAddress());
        fact("slots", l.slots());
        LaunchedWorker w = probe(l, "exit 3");
        fact("probe.stdout", line(w.stdout()));
        fact("probe.stderr", line(w.stderr()));
        fact("probe.exit", w.onExit().get(300, TimeUnit.SECONDS));
        LaunchedWorker t = probe(l, "sleep");
        fact("probe2.stdout", line(t.stdout()));
        fact("probe2.aliveWhileStdinOpen", t.isAlive() && ProcessHandle.of(t.pid()).isPresent());
        t.terminate();
        fact("probe2.exitAfterTerminate", t.onExit().get(300, TimeUnit.SECONDS));
        LaunchedWorker k = probe(l, "sleep");
        line(k.stdout());
        long remotePid = k.pid();
        k.kill();
        fact("probe3.exitAfterKill", k.onExit().get(300, TimeUnit.SECONDS));
        fact("probe3.remoteGone", gone(List.of(remotePid)));
        l.close();
    }

    /**
     * A cluster through the Java API: a pool of 200 items over its three slots on two hosts, then
     * a remote worker killed with SIGKILL mid-pool (its item is tried again, the pool completes).
     */
    private static void pool(Path dir) throws Exception {
        Cluster lab = Cluster.start("lab", "ssh", options(dir));
        fact("cluster.list", Cluster.list().stream().map(Cluster::name).toList());
        fact("cluster.slots", lab.slots());
        try (Pool pool = Pool.builder().runtime(lab.runtime()).processes(lab.slots()).build()) {
            fact("pool.ready", pool.awaitWorkers(Duration.ofSeconds(300)));
            List<Integer> items = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                items.add(i);
            }
            List<String> out = pool.map(x -> {
                Thread.sleep(5);
                return (x * x) + " " + System.getenv("SSH_CONNECTION").split(" ")[2];
            }, items, 1);
            boolean right = out.size() == 200;
            Map<String, Integer> byHost = new TreeMap<>();
            for (int i = 0; i < out.size(); i++) {
                String[] p = out.get(i).split(" ");
                right &= Integer.parseInt(p[0]) == i * i;
                byHost.merge(p[1], 1, Integer::sum);
            }
            fact("pool.right", right);
            fact("pool.hosts", byHost.keySet());
            fact("pool.byHost", byHost);
        }
        mappedFromAnotherHost(lab.runtime());
        classCache(dir, lab.runtime());
        strangers(lab.runtime());
        workerKilled(dir, lab.runtime());
        Cluster.stop("lab");
        fact("cluster.afterStop", Cluster.list().size());
    }

    /**
     * A memory-mapped array made here and incremented from both hosts: h1 shares this machine's
     * host name and {@code /dev/shm} and maps the array, h2 has its own of both and reaches the
     * array through the manager instead; every increment counts either way.
     */
    private static void mappedFromAnotherHost(JmpRuntime rt) throws Exception {
        dev.jmp.shared.SharedLongArray counts = new dev.jmp.shared.SharedLongArray(2);
        Path shm = Path.of("/dev/shm/jmp-shm-" + System.getProperty("user.name"));
        String folder = shm.toString();
        fact("mapped.parentSeesItsFolder", Files.isDirectory(shm));
        fact("mapped.parentHostName", Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
        try (Pool pool = Pool.builder().runtime(rt).processes(3).build()) {
            fact("mapped.ready", pool.awaitWorkers(Duration.ofSeconds(300)));
            List<Integer> items = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                items.add(i);
            }
            List<String> out = pool.map(x -> {
                Thread.sleep(5);
                counts.incrementAndGet(x % 2);
                return System.getenv("SSH_CONNECTION").split(" ")[2] + " "
                        + Files.readString(Path.of("/proc/sys/kernel/hostname")).strip() + " " + Files.isDirectory(Path.of(folder));
            }, items, 1);
            fact("mapped.seenFrom", new java.util.TreeSet<>(out));
        }
        fact("mapped.counts", counts.get(0) + "," + counts.get(1));
        counts.close();
    }

    /**
     * A class only this process has (compiled here, served by a class source, as the kernel serves
     * a notebook's classes) crosses the network once: the first worker that needs it fetches its
     * bytes and keeps them in the hosts' class cache, and every later worker gets only its digest
     * and reads the cache.
     */
    private static void classCache(Path dir, JmpRuntime rt) throws Exception {
        dev.jmp.launch.ParentOnlyClass source = new dev.jmp.launch.ParentOnlyClass();
        dev.jmp.Jmp.addClassSource(source);
        dev.jmp.internal.classes.ClassServer server = RuntimeAccess.supervisor(rt).settings().classServer();
        long bytes0 = server.bytesServed();
        try (Pool pool = Pool.builder().runtime(rt).processes(3).build()) {
            fact("classCache.ready", pool.awaitWorkers(Duration.ofSeconds(300)));
            List<String> seen = new ArrayList<>(List.of(pool.apply(dev.jmp.launch.ParentOnlyClass::answerAndPid)));
            List<Integer> items = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                items.add(i);
            }
            seen.addAll(pool.map(x -> {
                Thread.sleep(20);
                return dev.jmp.launch.ParentOnlyClass.answerAndPid();
            }, items, 1));
            fact("classCache.answers", new java.util.TreeSet<>(seen.stream().map(a -> a.split(" ")[0]).toList()));
            fact("classCache.workers", seen.stream().map(a -> a.split(" ")[1]).distinct().count());
        } finally {
            dev.jmp.Jmp.removeClassSource(source);
        }
        fact("classCache.asked", source.asked());
        fact("classCache.bytesServed", server.bytesServed() - bytes0);
        fact("classCache.stored", Files.exists(dir.resolve("cache/classes")
                .resolve(dev.jmp.internal.classes.ClassDigests.of(source.bytes()))));
    }

    /**
     * The cluster's hub listens off loopback with CURVE: a peer with a key it never issued, and one
     * without CURVE at all, are refused in the handshake and counted.
     */
    private static void strangers(JmpRuntime rt) throws Exception {
        Hub hub = RuntimeAccess.supervisor(rt).hub();
        fact("wire.host", hub.endpoint().replaceAll(":[0-9]+$", ""));
        fact("wire.security", hub.security());
        WireCounters c = hub.counters();
        long refused = c.connectionsRefused();
        long unauthenticated = c.unauthenticated();
        String serverPublic = hub.admit("w-probe").serverPublic();
        hub.retire("w-probe");
        ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
        try (ZContext ctx = new ZContext()) {
            ZMQ.Socket curve = ctx.createSocket(SocketType.DEALER);
            new WireCredential("w-stranger", "00", WireSecurity.CURVE, pair.publicKey, pair.secretKey, serverPublic)
                    .configureClient(curve);
            curve.connect(hub.endpoint());
            ZMQ.Socket plain = ctx.createSocket(SocketType.DEALER);
            plain.connect(hub.endpoint());
            long deadline = System.currentTimeMillis() + 300_000;
            while ((c.connectionsRefused() == refused || c.unauthenticated() == unauthenticated)
                    && System.currentTimeMillis() < deadline) {
                curve.send("hello", ZMQ.DONTWAIT);
                plain.send("hello", ZMQ.DONTWAIT);
                Thread.sleep(50);
            }
        }
        fact("wire.strangerKeyRefused", c.connectionsRefused() > refused);
        fact("wire.noCurveRefused", c.unauthenticated() > unauthenticated);
    }

    private static void workerKilled(Path dir, JmpRuntime rt) throws Exception {
        Path mark = dir.resolve("victim.pid");
        String markName = mark.toString();
        try (Pool pool = Pool.builder().runtime(rt).processes(2).retries(1).build()) {
            var result = pool.mapAsync(x -> {
                Path m = Path.of(markName);
                if (x == 7 && !Files.exists(m)) {
                    Files.writeString(m.resolveSibling("victim.tmp"), Long.toString(Worker.pid()));
                    Files.move(m.resolveSibling("victim.tmp"), m);
                    Thread.sleep(600_000);
                }
                return x + 1;
            }, List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 1, null, null);
            while (!Files.exists(mark)) {
                Thread.sleep(20);
            }
            long victim = Long.parseLong(Files.readString(mark).strip());
            // The test's view of every host: they share this machine's pids.
            ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);
            List<Integer> got = result.get(300, TimeUnit.SECONDS);
            fact("kill.results", got);
            fact("kill.victimGone", gone(List.of(victim)));
        }
    }

    /** Jars are copied to a cache once; a second launcher on the same cache copies none. */
    private static void staging(Path dir) throws Exception {
        Map<String, String> o = options(dir);
        o.put("hosts", "10.77.1.2");
        o.put("cache", dir.resolve("cache2").toString());
        List<Path> jars = dev.jmp.internal.supervisor.WorkerClasspath.entries();
        SshLauncher first = new SshLauncher();
        first.configure(o);
        List<String> names = first.prepare(jars);
        fact("staging.first", first.jarsCopied());
        fact("staging.entries", jars.size());
        SshLauncher second = new SshLauncher();
        second.configure(o);
        fact("staging.sameNames", names.equals(second.prepare(jars)));
        fact("staging.second", second.jarsCopied());
        // A class folder is packed and copied once, and again only when its files change.
        Path classes = Files.createDirectories(dir.resolve("classes/p"));
        Files.writeString(classes.resolve("A.class"), "one");
        second.prepare(List.of(classes.getParent()));
        second.prepare(List.of(classes.getParent()));
        fact("staging.folderOnce", second.jarsCopied());
        Files.writeString(classes.resolve("B.class"), "two");
        second.prepare(List.of(classes.getParent()));
        fact("staging.folderChanged", second.jarsCopied());
        first.close();
        second.close();
    }

    /** A host that does not resolve, and a key the hosts refuse, fail with ssh's reason. */
    private static void errors(Path dir) throws Exception {
        Map<String, String> o = options(dir);
        o.put("hosts", "no-such-host.invalid");
        o.put("bind", "10.77.1.1");
        fact("error.badHost", startError(o));
        Map<String, String> k = options(dir);
        k.put("identity", dir.resolve("other_id").toString());
        fact("error.auth", startError(k));
    }

    private static String startError(Map<String, String> options) {
        try (JmpRuntime rt = JmpRuntime.builder().launcher("ssh", options).build()) {
            new Process(() -> 1).runtime(rt).start().join();
            return "no error";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    /** Starts remote processes that run until killed, prints their pids, then waits to be killed. */
    private static void orphans(Path dir) throws Exception {
        JmpRuntime rt = JmpRuntime.builder().launcher("ssh", options(dir)).build();
        try (Pool pool = Pool.builder().runtime(rt).processes(3).build()) {
            pool.awaitWorkers(Duration.ofSeconds(300));
            fact("orphans.pids", pool.pids().toString().replaceAll("[\\[\\] ]", ""));
            fact("orphans.ready", "yes");
            pool.map(x -> {
                Thread.sleep(600_000);
                return x;
            }, List.of(1, 2, 3), 1);
        }
    }

    /** Waits (a hang detector, not a measure) until none of the pids runs. */
    static boolean gone(List<Long> pids) throws InterruptedException {
        return dev.jmp.WorkerTracking.survivors(pids, 300_000).isEmpty();
    }
}
