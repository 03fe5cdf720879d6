package dev.jmp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The "hosts" of the remote figures: the network namespaces and sshds of
 * {@code runtime/src/test/sh/ssh-hosts.sh} (the ones {@code SshLauncherIT} uses), made once per
 * {@code bench/run} and removed when it exits, also after a failure or Ctrl-C. The parent's side
 * runs in {@code PREFIX-h0} (10.77.1.1), the hosts are {@code PREFIX-h1} (10.77.1.2) and
 * {@code PREFIX-h2} (10.77.2.2). Nothing here connects from the root namespace: the measurements
 * and peers run inside h0 through {@link #inParent}.
 */
final class RemoteHosts {

    static final String HOST1 = "10.77.1.2";
    static final String HOST2 = "10.77.2.2";
    private static RemoteHosts up;

    private final String prefix;
    private final Path dir;
    private final Path script;

    private RemoteHosts(String prefix, Path dir, Path script) {
        this.prefix = prefix;
        this.dir = dir;
        this.script = script;
    }

    /** The hosts, made at the first call. */
    static synchronized RemoteHosts get() throws IOException, InterruptedException {
        if (up != null) {
            return up;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("the remote.* figures need root: they make network namespaces with their own"
                    + " sshd (run bench/run remote as root)");
        }
        Path script = BenchMain.benchDir().getParent().resolve("runtime/src/test/sh/ssh-hosts.sh");
        for (Path need : List.of(script, Path.of("/usr/sbin/sshd"), Path.of("/usr/bin/ipcontroller"))) {
            if (!Files.isExecutable(need)) {
                throw new IllegalStateException("the remote.* figures need " + need
                        + " (Debian packages openssh-server and python3-ipyparallel)");
            }
        }
        Path dir = Files.createTempDirectory("jmp-bench-remote");
        RemoteHosts hosts = new RemoteHosts("jmpbench" + ProcessHandle.current().pid(), dir.resolve("hosts"), script);
        // Registered before anything exists, so a failure half way still removes what was made.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> hosts.down(dir), "bench-remote-down"));
        System.err.println("bench: making the remote hosts (namespaces " + hosts.prefix + "-h0..h2) ...");
        String out = run(script.toString(), "up", hosts.prefix, hosts.dir.toString());
        if (!out.strip().endsWith("up")) {
            throw new IllegalStateException("ssh-hosts.sh up failed: " + out);
        }
        // The routing caution: every address is reached through the namespaces' own links, nothing else.
        hosts.route("h0", HOST1, "dev v0a");
        hosts.route("h0", HOST2, "dev v0b");
        hosts.route("h1", "10.77.1.1", "dev v1");
        hosts.route("h2", "10.77.1.1", "dev v2");
        up = hosts;
        return hosts;
    }

    /** The folder of the hosts' client key ({@code id}) and {@code known_hosts}. */
    Path dir() {
        return dir;
    }

    /** {@code command}, run inside the parent's namespace. */
    List<String> inParent(List<String> command) {
        List<String> out = new ArrayList<>(List.of("ip", "netns", "exec", prefix + "-h0",
                "env", "JMP_BENCH_HOSTS_DIR=" + dir));
        out.addAll(command);
        return out;
    }

    private void route(String from, String to, String via) throws IOException, InterruptedException {
        String r = run("ip", "netns", "exec", prefix + "-" + from, "ip", "route", "get", to);
        if (!r.contains(via)) {
            throw new IllegalStateException("from " + from + ", " + to + " is not reached through " + via + ": " + r);
        }
    }

    private void down(Path top) {
        try {
            run(script.toString(), "down", prefix, dir.toString());
            try (Stream<Path> s = Files.walk(top)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("bench: removing the remote hosts failed (" + e + "); remove them with "
                    + script + " down " + prefix + " " + dir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }
}
