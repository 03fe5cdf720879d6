package dev.jmp.bench;

import dev.jmp.Cluster;
import dev.jmp.Pool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The jmp side of {@link RemoteBench}, run inside the parent's network namespace (a JVM cannot
 * move into one): starts a {@link Cluster} with the {@code ssh} launcher on the two test hosts,
 * measures one case and prints its figure as the last stdout line. Mirrors
 * {@code bench/py/remote_peer.py} case by case.
 *
 * <p>{@code RemoteBenchChild apply|tiny HOSTS_DIR}
 */
public final class RemoteBenchChild {

    private RemoteBenchChild() {
    }

    /**
     * Measures one case.
     *
     * @param args the case and the folder of the hosts' ssh key and known_hosts
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        Cluster c = Cluster.start("bench", "ssh", Map.of(
                "hosts", RemoteHosts.HOST1 + "," + RemoteHosts.HOST2,
                "identity", dir.resolve("id").toString(),
                "known-hosts", dir.resolve("known_hosts").toString(),
                "cache", dir.resolve("cache").toString(),
                "java", ProcessHandle.current().info().command().orElse("java")));
        double value;
        try {
            value = switch (args[0]) {
                case "apply" -> apply(c);
                case "tiny" -> tiny(c);
                default -> throw new IllegalArgumentException("no case " + args[0] + "; cases: apply, tiny");
            };
        } finally {
            Cluster.stop("bench");
        }
        System.out.println(value);
        System.exit(0);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("wrong result: " + what);
        }
    }

    private static String host() {
        String conn = System.getenv("SSH_CONNECTION");
        return conn == null ? "local" : conn.split(" ")[2];
    }

    /** Mean round trip of {@code apply(() -> 7)} on a remote worker, after 1,000 untimed ones. */
    static double apply(Cluster c) throws Exception {
        int n = Scale.ops(2000);
        try (Pool pool = Pool.builder().runtime(c.runtime()).processes(1).build()) {
            check(pool.awaitWorkers(Duration.ofSeconds(300)), "the remote worker did not start");
            String where = pool.apply(RemoteBenchChild::host);
            check(where.startsWith("10.77."), "the worker runs on a remote host, not " + where);
            System.err.println("bench: remote apply on " + where);
            for (int i = 0; i < 1000; i++) {
                pool.apply(() -> 0);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                check(pool.apply(() -> 7) == 7, "apply");
            }
            return (System.nanoTime() - t0) / 1e3 / n;
        }
    }

    /** {@code map(x -> x)} over 4,000 ints, chunk size 1, one worker per host; median of 3 rounds after one. */
    static double tiny(Cluster c) throws Exception {
        int n = Scale.ops(4000);
        List<Integer> items = IntStream.range(0, n).boxed().collect(Collectors.toList());
        try (Pool pool = Pool.builder().runtime(c.runtime()).processes(2).build()) {
            check(pool.awaitWorkers(Duration.ofSeconds(300)), "the remote workers did not start");
            Set<String> hosts = new TreeSet<>(pool.map(x -> host(), List.of(0, 1, 2, 3, 4, 5, 6, 7), 1));
            System.err.println("bench: remote tiny tasks on " + hosts);
            List<Double> rates = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                long t0 = System.nanoTime();
                List<Integer> out = pool.map(x -> x, items, 1);
                double s = (System.nanoTime() - t0) / 1e9;
                check(out.equals(items), "map");
                if (round > 0) {
                    rates.add(n / s);
                }
            }
            Collections.sort(rates);
            return rates.get(rates.size() / 2);
        }
    }
}
