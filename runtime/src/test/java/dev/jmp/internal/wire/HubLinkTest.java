package dev.jmp.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.internal.wire.message.Heartbeat;
import dev.jmp.internal.wire.message.Hello;
import dev.jmp.internal.wire.message.Shutdown;
import dev.jmp.internal.wire.message.WireMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Hub and link over real loopback sockets in one JVM: delivery, signing and the drop counters. */
@Timeout(600)
class HubLinkTest {

    private static final WireCodec CODEC = WireCodec.standard();

    @Test
    void messagesAndDataFramesRoundTripBothWays() throws Exception {
        WireKey key = WireKey.random();
        BlockingQueue<Inbound<Hello>> atHub = new ArrayBlockingQueue<>(10);
        BlockingQueue<Inbound<Shutdown>> atLink = new ArrayBlockingQueue<>(10);
        try (Hub hub = new Hub(key, CODEC); Link link = new Link("w1", hub.endpoint(), hub.downEndpoint(), key, CODEC, hub.admit("w1"))) {
            assertTrue(hub.endpoint().startsWith("tcp://127.0.0.1:"));
            hub.on(Hello.class, atHub::add);
            link.on(Shutdown.class, atLink::add);
            byte[] big = patterned(3 << 20);
            link.send(new Hello("w1", 42, 1), List.of(big, new byte[0]));
            Inbound<Hello> h = atHub.poll(300, TimeUnit.SECONDS);
            assertEquals("w1", h.peer());
            assertEquals(42, h.body().pid());
            assertEquals(2, h.data().size());
            assertArrayEquals(big, h.frame(0));
            long deadline = System.currentTimeMillis() + 60_000;
            while (!hub.send("w1", new Shutdown(3), List.of("x".getBytes(StandardCharsets.UTF_8)))) {
                assertTrue(System.currentTimeMillis() < deadline, "the hub learns the route to the link");
                Thread.sleep(2);
            }
            Inbound<Shutdown> s = atLink.poll(300, TimeUnit.SECONDS);
            assertEquals(3, s.body().exitCode());
            assertEquals(0, hub.counters().dropped());
            assertEquals(0, link.counters().dropped());
        }
    }

    @Test
    void curveSecurityCarriesMessagesAndRefusesAStrangersKey() throws Exception {
        WireKey key = WireKey.random();
        BlockingQueue<Inbound<Hello>> atHub = new ArrayBlockingQueue<>(10);
        try (Hub hub = new Hub(key, CODEC, WireSecurity.CURVE);
             Link link = new Link("w3", hub.endpoint(), hub.downEndpoint(), key, CODEC, hub.admit("w3"))) {
            hub.on(Hello.class, atHub::add);
            byte[] big = patterned(FrameParts.PART_LIMIT * 2 + 5);
            link.send(new Hello("w3", 7, 1), List.of(big));
            Inbound<Hello> h = atHub.poll(300, TimeUnit.SECONDS);
            assertTrue(h != null, "a CURVE worker's message arrived; " + hub.counters());
            assertArrayEquals(big, h.frame(0));
            // a worker key the hub never issued
            WireCredential stranger = WireCredential.issue("w3", WireSecurity.CURVE,
                    hub.admit("w4").serverPublic());
            try (Link other = new Link("w3", hub.endpoint(), hub.downEndpoint(), key, CODEC, stranger)) {
                long deadline = System.currentTimeMillis() + 20_000;
                while (hub.counters().connectionsRefused() == 0 && System.currentTimeMillis() < deadline) {
                    other.send(new Hello("w3", 8, 1), List.of());
                    Thread.sleep(50);
                }
            }
            assertTrue(hub.counters().connectionsRefused() > 0, hub.counters().toString());
            assertTrue(atHub.isEmpty(), "nothing from the stranger arrived");
        }
    }

    @Test
    void offLoopbackOnlyWithCurve() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Hub(WireKey.random(), CODEC, WireSecurity.TOKEN, "10.0.0.1"));
        org.junit.jupiter.api.Assertions.assertEquals(
                "the hub listens off loopback (10.0.0.1) only with CURVE security, not token", e.getMessage());
        WireCredential token = new WireCredential("w1", "00", WireSecurity.TOKEN, null, null, null);
        IllegalArgumentException l = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Link("w1", "tcp://10.0.0.1:5000", "tcp://10.0.0.1:5001", WireKey.random(), CODEC, token));
        assertTrue(l.getMessage().startsWith("workers connect to loopback, or with CURVE security"), l.getMessage());
    }

    @Test
    void unsignedForgedMisroutedAndReplayedFramesAreDroppedAndCounted() throws Exception {
        WireKey key = WireKey.random();
        BlockingQueue<Inbound<Hello>> atHub = new ArrayBlockingQueue<>(100);
        try (Hub hub = new Hub(key, CODEC); ZContext ctx = new ZContext()) {
            hub.on(Hello.class, atHub::add);
            hub.on(Heartbeat.class, m -> { });
            ZMQ.Socket raw = ctx.createSocket(SocketType.DEALER);
            raw.setHandshakeIvl(1000);
            hub.admit("w9").configureClient(raw);
            raw.connect(hub.endpoint());
            establish(raw, key, "w9", hub);
            long baseAccepted = hub.counters().accepted();
            long baseStale = hub.counters().droppedStale();
            List<byte[]> valid = signed(key, new Header("Hello", 5, "w9", "p"), new Hello("w9", 1, 1));
            sendRaw(raw, List.of("Hello".getBytes(StandardCharsets.UTF_8)));
            sendRaw(raw, withSig(new byte[32], valid));
            sendRaw(raw, signed(WireKey.random(), new Header("Hello", 6, "w9", "p"), new Hello("w9", 1, 1)));
            sendRaw(raw, signed(key, new Header("Hello", 7, "w8", "p"), new Hello("w8", 1, 1)));
            sendRaw(raw, valid);
            assertEquals(5, atHub.poll(300, TimeUnit.SECONDS).header().seq());
            sendRaw(raw, valid);
            sendRaw(raw, signed(key, new Header("Hello", 4, "w9", "p"), new Hello("w9", 1, 1)));
            sendRaw(raw, signed(key, new Header("Nope", 9, "w9", "p"), new Hello("w9", 1, 1)));
            sendRaw(raw, signed(key, new Header("Hello", 10, "w9", "p"), new Hello("w9", 2, 2)));
            Inbound<Hello> tenth = atHub.poll(300, TimeUnit.SECONDS);
            assertTrue(tenth != null, "the valid message after the forged ones arrived; " + hub.counters());
            assertEquals(10, tenth.header().seq());
            WireCounters c = hub.counters();
            assertEquals(1, c.droppedUnsigned());
            assertEquals(2, c.droppedBadSignature());
            assertEquals(1, c.droppedMisrouted.get());
            assertEquals(2, c.droppedStale() - baseStale);
            assertEquals(1, c.droppedUnknownType.get());
            assertEquals(2, c.accepted() - baseAccepted);
            assertTrue(atHub.isEmpty());
        }
    }

    @Test
    void aGapInAPeersSequenceNumbersIsReportedAsLostMessages() throws Exception {
        WireKey key = WireKey.random();
        BlockingQueue<Long> lost = new ArrayBlockingQueue<>(10);
        try (Hub hub = new Hub(key, CODEC); ZContext ctx = new ZContext()) {
            hub.on(Heartbeat.class, m -> { });
            hub.onMessagesLost((peer, n) -> {
                if (peer.equals("w7")) {
                    lost.add(n);
                }
            });
            ZMQ.Socket raw = ctx.createSocket(SocketType.DEALER);
            raw.setHandshakeIvl(1000);
            hub.admit("w7").configureClient(raw);
            raw.connect(hub.endpoint());
            establish(raw, key, "w7", hub);
            long next = hub.counters().accepted() + 100; // past whatever establish() used
            sendRaw(raw, signed(key, new Header("Heartbeat", next, "w7", "p"), new Heartbeat(1)));
            sendRaw(raw, signed(key, new Header("Heartbeat", next + 1, "w7", "p"), new Heartbeat(2)));
            sendRaw(raw, signed(key, new Header("Heartbeat", next + 4, "w7", "p"), new Heartbeat(3)));
            Long jump = lost.poll(300, TimeUnit.SECONDS);
            assertTrue(jump != null && jump > 0, "the jump to " + next + " is a gap");
            assertEquals(2L, lost.poll(300, TimeUnit.SECONDS), "messages next + 2 and next + 3 never came");
            assertEquals(jump + 2, hub.counters().missing());
            assertTrue(lost.isEmpty());
        }
    }

    /**
     * Sends valid heartbeats (sequence 1, 2, 3...) until the hub accepts one: a connection whose
     * handshake stalls is reset, and what was written into it is lost, so a test must not count
     * on its first frames.
     */
    static void establish(ZMQ.Socket raw, WireKey key, String peer, Hub hub) throws InterruptedException {
        long before = hub.counters().accepted();
        for (int seq = 1; seq < 4; seq++) {
            sendRaw(raw, signed(key, new Header("Heartbeat", seq, peer, "p"), new Heartbeat(seq)));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                if (hub.counters().accepted() > before) {
                    return;
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("the hub never accepted a valid frame");
    }

    static List<byte[]> signed(WireKey key, Header h, WireMessage body) {
        List<byte[]> frames = new ArrayList<>();
        frames.add(null);
        frames.add(CODEC.encodeHeader(h));
        frames.add(CODEC.encodeBody(body));
        frames.set(0, new FrameSigner(key).sign(frames, 1));
        return frames;
    }

    private static List<byte[]> withSig(byte[] sig, List<byte[]> frames) {
        List<byte[]> copy = new ArrayList<>(frames);
        copy.set(0, sig);
        return copy;
    }

    static void sendRaw(ZMQ.Socket s, List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            s.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    @Test
    void heartbeatsFlowUnderLoad() throws Exception {
        WireKey key = WireKey.random();
        // Enough messages for four senders to interleave on the link; the wait below only detects a
        // hang (at load 35, 20,000 messages took over 20 s).
        int n = 4000;
        java.util.concurrent.CountDownLatch got = new java.util.concurrent.CountDownLatch(n);
        try (Hub hub = new Hub(key, CODEC); Link link = new Link("w2", hub.endpoint(), hub.downEndpoint(), key, CODEC, hub.admit("w2"))) {
            hub.on(Heartbeat.class, m -> got.countDown());
            Thread[] senders = new Thread[4];
            for (int t = 0; t < senders.length; t++) {
                senders[t] = new Thread(() -> {
                    for (int i = 0; i < n / 4; i++) {
                        link.send(new Heartbeat(i));
                    }
                });
                senders[t].start();
            }
            assertTrue(got.await(300, TimeUnit.SECONDS), "all messages arrive in spite of concurrent senders; missing "
                    + got.getCount() + "; hub " + hub.counters() + "; link " + link.counters());
            assertEquals(0, hub.counters().dropped());
        }
    }

    /** Bytes that differ from part to part, so a part sent from the wrong offset shows. */
    private static byte[] patterned(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + (i >>> 18));
        }
        return b;
    }
}
