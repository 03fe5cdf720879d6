package dev.jmp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The remote figures (issue 13): workers on other "hosts" started through the {@code ssh}
 * launcher, against ipyparallel with its engines on the same hosts, measured in the same run. The
 * hosts are network namespaces ({@link RemoteHosts}), so these figures need root and run only
 * when named ({@code bench/run remote}). The jmp side is {@link RemoteBenchChild}, the peer
 * {@code bench/py/remote_peer.py}; both run inside the parent's namespace.
 */
public final class RemoteBench implements BenchSuite {

    private static final String PEER = "remote_peer.py";
    private static final String WHY = "needs root: makes network namespaces with sshd; peer needs python3-ipyparallel";

    @Override
    public List<Figure> figures() {
        return List.of(
                Figure.lowerIsBetter("remote.apply_roundtrip_us", "us", PEER, "apply", () -> child("apply"))
                        .peer("ipyparallel", RemoteBench::inParent).onlyWhenNamed(WHY),
                Figure.higherIsBetter("remote.tiny_tasks_per_s", "tasks/s", PEER, "tiny", () -> child("tiny"))
                        .peer("ipyparallel", RemoteBench::inParent).onlyWhenNamed(WHY));
    }

    private static List<String> inParent(List<String> command) {
        try {
            return RemoteHosts.get().inParent(command);
        } catch (IOException e) {
            throw new IllegalStateException("the remote hosts could not be made: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the remote hosts", e);
        }
    }

    /** Runs {@link RemoteBenchChild} in the parent's namespace and reads its figure from its last line. */
    private static double child(String kase) throws Exception {
        RemoteHosts hosts = RemoteHosts.get();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = hosts.inParent(List.of(java, "-cp", System.getProperty("java.class.path"),
                RemoteBenchChild.class.getName(), kase, hosts.dir().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            p.getOutputStream().close();
            String last = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (!line.isBlank()) {
                        last = line.strip();
                    }
                }
            }
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || last == null) {
                throw new IOException("the remote parent program failed (exit " + (p.isAlive() ? "none" : p.exitValue())
                        + ", last line " + last + ")");
            }
            return Double.parseDouble(last);
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }
}
