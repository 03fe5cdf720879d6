package dev.jmp.launch.ssh;

import dev.jmp.launch.LaunchSpec;
import dev.jmp.launch.LaunchedWorker;
import dev.jmp.launch.Launcher;
import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts workers on other hosts with the system {@code ssh} client, so its config
 * ({@code ~/.ssh/config}, or the {@code config} option), agent, keys and ControlMaster settings
 * apply. Options (all but {@code hosts} optional): {@code hosts} ({@code node1,node2:4}: workers
 * per host), {@code user}, {@code port}, {@code identity}, {@code known-hosts}, {@code config},
 * {@code java} (the command on the hosts, default {@code java}), {@code bind} (the address of this
 * host workers connect to; found from the route to the first host when not given) and
 * {@code cache} (where jars are kept on the hosts, default {@code ~/.cache/jmp/jars}).
 *
 * <p>No shared filesystem is assumed: the runtime's jars and the user's reach each host by
 * content hash ({@link JarStager}), once. Each worker is one ssh session running a small wrapper
 * ({@link RemoteScript}) that ends the worker when the session ends. Workers are placed on the
 * host with the fewest live workers for its count.
 */
public final class SshLauncher implements Launcher {

    private volatile SshOptions options;
    private volatile SshCommand ssh;
    private volatile JarStager stager;
    private final java.util.List<JarStager> retired = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> live = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "ssh";
    }

    @Override
    public void configure(Map<String, String> given) {
        SshOptions o = SshOptions.parse(given);
        SshCommand c = new SshCommand(o);
        JarStager old = this.stager;
        this.options = o;
        this.ssh = c;
        this.stager = new JarStager(c, o.cache());
        if (old != null) {
            retired.add(old); // a resized group: a launch may still be staging with it; closed with the launcher
        }
        for (SshHost h : o.hosts()) {
            live.putIfAbsent(h.name(), new AtomicInteger());
        }
    }

    private SshOptions options() {
        SshOptions o = options;
        if (o == null) {
            throw new IllegalStateException("the ssh launcher needs its options first (at least hosts=...)");
        }
        return o;
    }

    @Override
    public String parentAddress() {
        SshOptions o = options();
        if (o.bind() != null) {
            return o.bind();
        }
        String first = o.hosts().get(0).name();
        try {
            InetAddress target = InetAddress.getByName(first);
            // A UDP "connection" sends nothing: it only asks the kernel which local address routes there.
            try (DatagramSocket probe = new DatagramSocket()) {
                probe.connect(new InetSocketAddress(target, 22));
                InetAddress local = probe.getLocalAddress();
                if (local == null || local.isAnyLocalAddress()) {
                    throw new IOException("no local address routes to " + target.getHostAddress());
                }
                return local.getHostAddress();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot tell which address of this host " + first + " reaches ("
                    + e.getMessage() + "); give it with bind=ADDRESS (%cluster ... --bind ADDRESS)", e);
        }
    }

    @Override
    public int slots() {
        return options().slots();
    }

    @Override
    public List<String> prepare(List<Path> classpath) throws IOException {
        SshOptions o = options();
        List<String> names = List.of();
        for (SshHost h : o.hosts()) {
            names = stager.stage(h.name(), classpath);
        }
        return names;
    }

    @Override
    public LaunchedWorker launch(LaunchSpec spec) throws IOException {
        SshOptions o = options();
        SshHost host = pick(o);
        AtomicInteger count = live.get(host.name());
        List<String> cp;
        try {
            cp = stager.stage(host.name(), spec.classpath());
        } catch (IOException | RuntimeException e) {
            count.decrementAndGet();
            throw e;
        }
        List<String> jvm = new java.util.ArrayList<>(spec.jvmOptions());
        jvm.add("-Djmp.classCache=" + RemoteScript.classCache(o.cache()));
        String command = RemoteScript.worker(o.java(), String.join(File.pathSeparator, cp), spec.mainClass(),
                jvm, spec.env());
        RemoteWorker w;
        try {
            w = RemoteWorker.start(ssh, host.name(), command, spec.bootstrap());
        } catch (IOException | RuntimeException e) {
            count.decrementAndGet();
            throw e;
        }
        w.onExit().whenComplete((c, x) -> count.decrementAndGet());
        return w;
    }

    /** The host with the fewest live workers for its count (the first such in the list), counted as taken. */
    private synchronized SshHost pick(SshOptions o) {
        SshHost best = null;
        double load = Double.MAX_VALUE;
        for (SshHost h : o.hosts()) {
            double l = live.get(h.name()).get() / (double) h.count();
            if (l < load) {
                best = h;
                load = l;
            }
        }
        live.get(best.name()).incrementAndGet();
        return best;
    }

    /** How many jars this launcher copied to its hosts (the others were there already). */
    public int jarsCopied() {
        JarStager s = stager;
        return s == null ? 0 : s.copied();
    }

    @Override
    public void close() {
        JarStager s = stager;
        if (s != null) {
            s.close();
        }
        retired.forEach(JarStager::close);
    }

    @Override
    public String toString() {
        SshOptions o = options;
        return "ssh launcher" + (o == null ? "" : " on " + o.hosts());
    }
}
