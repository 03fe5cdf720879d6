package dev.jmp.internal.wire;

import static dev.jmp.internal.wire.WireAttacks.frame;
import static dev.jmp.internal.wire.WireAttacks.greeting;
import static dev.jmp.internal.wire.WireAttacks.longHeader;
import static dev.jmp.internal.wire.WireAttacks.plainHello;
import static dev.jmp.internal.wire.WireAttacks.ready;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.Pool;
import dev.jmp.Queue;
import dev.jmp.WorkerTracking;
import dev.jmp.internal.serial.Values;
import dev.jmp.internal.service.QueueService;
import dev.jmp.internal.supervisor.DefaultSupervisor;
import dev.jmp.internal.supervisor.Supervisor;
import dev.jmp.internal.supervisor.WorkerHandle;
import dev.jmp.internal.wire.message.Heartbeat;
import dev.jmp.internal.wire.message.ServiceRequest;
import dev.jmp.internal.wire.message.WireMessage;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Plays every attack of issue 12 at both listening sockets of the hub while a pool's workers are
 * busy: a 1 GiB frame header after a NULL handshake (and inside a PLAIN HELLO), DEALERs claiming
 * a worker's identity on the down and up ports, 300 x 1 MiB from random identities, random
 * bytes, garbage ZMTP frames, and unsigned, forged, replayed and misrouted jmp frames from a
 * peer that did authenticate. The pool must finish with the right results, nothing forged may
 * run, this JVM may grow by under 64 MB and 8 threads, the counters must show the refusals, and
 * a new pool must work afterwards. Loopback only, bounded in count; no duration is asserted.
 */
@Timeout(300)
class WireFuzzIT extends WorkerTracking {

    private static final WireCodec CODEC = WireCodec.standard();
    private static final long MIB = 1 << 20;

    @Test
    void attacksOnEveryHubSocketHurtNeitherThePoolNorTheKernel() throws Exception {
        Supervisor sup = DefaultSupervisor.get();
        Hub hub = sup.hub();
        Queue<String> q = new Queue<>();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try (ZContext ctx = new ZContext(1); WireAttacks raw = new WireAttacks(); Pool pool = new Pool(2)) {
            assertEquals(times(20, 1), pool.map(x -> x * x == x * x ? x : -1, range(20)));
            List<String> ids = sup.workers().stream().map(WorkerHandle::id).collect(Collectors.toList());
            assertTrue(ids.size() >= 2, ids.toString());
            // The attacker's own threads start before the baseline: they are not the kernel's.
            ctx.createSocket(SocketType.DEALER).close();
            runner.submit(() -> { }).get();
            Sampler sampler = new Sampler();
            WireCounters c = hub.counters();
            long unauthenticated0 = c.unauthenticated();
            long refused0 = c.connectionsRefused();
            long dropped0 = c.dropped();
            Future<List<Integer>> busy = runner.submit(() -> pool.map(x -> {
                Thread.sleep(40);
                return x * 3;
            }, range(60)));

            List<ZMQ.Socket> thieves = new ArrayList<>();
            for (String port : List.of(hub.endpoint(), hub.downEndpoint())) {
                // 1 GiB frame headers: after a NULL READY, and as a PLAIN HELLO command
                raw.play(port, greeting("NULL"), ready(null), longHeader(0, 1L << 30), raw.noise(4096));
                raw.play(port, greeting("PLAIN"), longHeader(0x04, 1L << 30), raw.noise(4096));
                // a known worker id with a guessed token, in clear PLAIN
                raw.play(port, greeting("PLAIN"), plainHello(ids.get(0), "0".repeat(32)));
                // random bytes, and garbage frames after a valid greeting
                for (int i = 0; i < 5; i++) {
                    raw.play(port, raw.noise(64 * 1024));
                    raw.play(port, greeting("NULL"), ready(raw.noise(8)), frame(raw.noise(100), true),
                            raw.noise(1000));
                }
                // 300 x 1 MiB from random identities
                byte[] mib = frame(new byte[(int) MIB], false);
                for (int conn = 0; conn < 30; conn++) {
                    java.nio.channels.SocketChannel ch = raw.play(port, greeting("NULL"), ready(raw.noise(8)));
                    for (int k = 0; k < 10 && raw.write(ch, mib); k++) {
                        // keeps writing while the peer reads
                    }
                }
                // DEALERs claiming each worker's identity: bare, with a guessed token, and as PLAIN
                for (String id : ids) {
                    thieves.add(thief(ctx, port, id.getBytes(StandardCharsets.UTF_8), null));
                    thieves.add(thief(ctx, port, (id + ":" + "1".repeat(32)).getBytes(StandardCharsets.UTF_8), id));
                }
            }
            long forgedDrops = forgedFramesFromAnAuthenticatedIntruder(sup, hub, ids);

            assertEquals(times(60, 3), busy.get(240, TimeUnit.SECONDS), "the pool finished with the right results");
            for (ZMQ.Socket t : thieves) {
                assertNull(t.recv(ZMQ.DONTWAIT), "a thief received a frame meant for a worker");
            }
            sampler.stop();
            raw.release();
            String report = "rss +" + sampler.rssGrowth() / MIB + " MiB, threads +" + sampler.threadGrowth()
                    + ", " + raw.connections() + " raw connections, counters " + c;
            System.out.println("WireFuzzIT: " + report);
            assertTrue(sampler.rssGrowth() < 64 * MIB, report);
            assertTrue(sampler.threadGrowth() < 8, report);
            // every NULL connection and each wrong PLAIN credential failed its handshake
            assertTrue(c.unauthenticated() - unauthenticated0 >= 2 * 30, report);
            assertTrue(c.connectionsRefused() - refused0 >= 2 + thieves.size() / 2, report);
            assertTrue(c.dropped() - dropped0 >= forgedDrops, report);
            assertTrue(q.empty(), "no forged put reached the queue");
        } finally {
            runner.shutdownNow();
        }
        try (Pool after = new Pool(2)) {
            assertEquals(times(10, 2), after.map(x -> x * 2, range(10)), "a new pool works after the attack");
        }
    }

    /**
     * A peer holding a credential of its own (an admitted id, as a compromised worker would) sends
     * unsigned, forged, tampered, replayed and misrouted frames, and frames claiming a real worker;
     * returns how many the hub must drop.
     */
    private static long forgedFramesFromAnAuthenticatedIntruder(Supervisor sup, Hub hub, List<String> ids)
            throws InterruptedException {
        String me = "w900-intruder";
        byte[] item = Values.encode("forged", "item");
        ServiceRequest put = new ServiceRequest(1, QueueService.NAME, "put",
                WireCodec.toTree(new QueueService.Op(1, -1)), true);
        try (ZContext ctx = new ZContext(1)) {
            ZMQ.Socket s = ctx.createSocket(SocketType.DEALER);
            s.setHandshakeIvl(1000);
            hub.admit(me).configureClient(s);
            s.connect(hub.endpoint());
            HubLinkTest.establish(s, sup.wireKey(), me, hub);
            long before = hub.counters().dropped();
            WireKey key = sup.wireKey();
            List<byte[]> unsigned = signed(key, new Header("ServiceRequest", 10, me, "p"), put, item);
            unsigned.set(0, "no signature".getBytes(StandardCharsets.UTF_8));
            List<byte[]> tampered = signed(key, new Header("ServiceRequest", 11, me, "p"), put, item);
            tampered.set(3, Values.encode("tampered", "item"));
            List<byte[]> replayed = signed(key, new Header("Heartbeat", 20, me, "p"), new Heartbeat(1), null);
            List<List<byte[]>> bad = List.of(unsigned,
                    signed(WireKey.random(), new Header("ServiceRequest", 12, me, "p"), put, item),
                    tampered,
                    signed(key, new Header("ServiceRequest", 13, ids.get(0), "p"), put, item),
                    signed(key, new Header("ServiceRequest", 14, me, ids.get(1)), put, item),
                    signed(key, new Header("ServiceRequest", 15, me, "p", List.of(1, 5)), put, item),
                    replayed);
            HubLinkTest.sendRaw(s, replayed);
            for (List<byte[]> f : bad) {
                HubLinkTest.sendRaw(s, f);
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (hub.counters().dropped() - before < bad.size() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(bad.size(), hub.counters().dropped() - before, hub.counters().toString());
            hub.retire(me);
            return bad.size();
        }
    }

    private static List<byte[]> signed(WireKey key, Header h, WireMessage body, byte[] data) {
        List<byte[]> f = new ArrayList<>();
        f.add(null);
        f.add(CODEC.encodeHeader(h));
        f.add(CODEC.encodeBody(body));
        if (data != null) {
            f.add(data);
        }
        f.set(0, new FrameSigner(key).sign(f, 1));
        return f;
    }

    /** A DEALER with a claimed identity, as PLAIN with a wrong token when {@code plainUser} is set. */
    private static ZMQ.Socket thief(ZContext ctx, String port, byte[] identity, String plainUser) {
        ZMQ.Socket s = ctx.createSocket(SocketType.DEALER);
        s.setLinger(0);
        s.setHandshakeIvl(1000);
        s.setSndHWM(10);
        s.setIdentity(identity);
        if (plainUser != null) {
            s.setPlainUsername(plainUser);
            s.setPlainPassword("1".repeat(32));
        }
        s.setReceiveTimeOut(0);
        s.connect(port);
        return s;
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toList());
    }

    private static List<Integer> times(int n, int k) {
        return IntStream.range(0, n).map(x -> x * k).boxed().collect(Collectors.toList());
    }

    /** Samples this JVM's resident memory and thread count until stopped; the first sample is the baseline. */
    private static final class Sampler {
        private final long rss0;
        private final int threads0;
        private volatile long maxRss;
        private volatile int maxThreads;
        private volatile boolean running = true;
        private final Thread thread;

        Sampler() throws Exception {
            System.gc();
            rss0 = rss();
            threads0 = ManagementFactory.getThreadMXBean().getThreadCount() + 1; // + this sampler
            maxRss = rss0;
            maxThreads = threads0;
            thread = new Thread(() -> {
                while (running) {
                    maxRss = Math.max(maxRss, rss());
                    maxThreads = Math.max(maxThreads, ManagementFactory.getThreadMXBean().getThreadCount());
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            maxRss = Math.max(maxRss, rss());
        }

        long rssGrowth() {
            return maxRss - rss0;
        }

        int threadGrowth() {
            return maxThreads - threads0;
        }

        private static long rss() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("no VmRSS in /proc/self/status");
        }
    }
}
