package dev.jmp.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.Process;
import dev.jmp.WorkerTracking;
import dev.jmp.internal.supervisor.DefaultSupervisor;
import dev.jmp.internal.supervisor.Supervisor;
import dev.jmp.internal.wire.ChannelListener;
import dev.jmp.internal.wire.FrameChannel;
import dev.jmp.internal.wire.WireCounters;
import dev.jmp.internal.wire.WireKey;
import dev.jmp.internal.wire.WireCodec;
import dev.jmp.internal.wire.message.ServiceRequest;
import dev.jmp.shared.Manager;
import dev.jmp.shared.SharedCounter;
import dev.jmp.shared.SharedEvent;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12, attack 3: anyone on the machine can connect to the call-channel port. A flood of idle
 * connections, garbage, oversized and forged proofs, and proved connections that then send bad
 * frames, played while a worker makes manager calls over its channel: the parent gains no thread
 * per connection and little memory, the counters say what was refused and dropped, the calls go
 * on, and a worker started afterwards gets its channel.
 */
@Timeout(300)
class CallChannelFloodIT extends WorkerTracking {

    private static final int IDLE = 200;
    private static final int EACH_BAD = 20;
    private final List<Socket> sockets = new ArrayList<>();
    private final Random random = new Random(12);
    private Manager m;

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (m != null) {
            m.shutdown();
        }
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        while (!done.getAsBoolean()) {
            Thread.sleep(10); // the test's @Timeout is the hang detector
        }
    }

    private static long unproved(WireCounters c) {
        return c.channelsRefused() + c.channelProofsFailed();
    }

    private Socket connect(int port) throws IOException {
        Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port);
        s.setSoTimeout(30_000);
        sockets.add(s);
        return s;
    }

    private static void writeProof(Socket s, String nonce) throws IOException {
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        byte[] b = nonce.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
        out.flush();
    }

    /** An offer made to a worker that does not exist, as the parent makes it to a real one. */
    private static ChannelService.Offer offer(Supervisor sup, String peer) throws Exception {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        sup.services().dispatch(new ServiceCall(peer, 1, ChannelService.NAME, "open", null, List.of(), false,
                (result, error, frames) -> answer.complete(result != null ? result : error)));
        return (ChannelService.Offer) answer.get(300, TimeUnit.SECONDS);
    }

    /** Something a flooding peer writes on a connection. */
    private interface Bytes {
        void write(Socket s) throws IOException;
    }

    /**
     * Writes on a new connection. The listener may already have refused it (its pending connections
     * are bounded, and under load it refuses before the bytes go out): a write that finds the
     * connection closed is the flood being stopped, and the connection is still counted once.
     */
    private void send(int port, Bytes bytes) throws IOException {
        Socket s = connect(port);
        try {
            bytes.write(s);
        } catch (SocketException closedByTheListener) {
            // refused first: counted as refused instead of as a failed proof
        }
    }

    /** Opens 200 idle connections and 60 garbage, oversized and forged proofs. */
    private void flood(int port) throws IOException {
        for (int i = 0; i < EACH_BAD; i++) {
            byte[] junk = new byte[100];
            random.nextBytes(junk);
            send(port, s -> s.getOutputStream().write(junk));
            send(port, s -> new DataOutputStream(s.getOutputStream()).writeInt(1 << 30));
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            send(port, s -> writeProof(s, HexFormat.of().formatHex(nonce)));
        }
        for (int i = 0; i < IDLE; i++) {
            connect(port);
        }
    }

    @Test
    void aFloodCostsNoThreadPerConnectionIsCountedAndCallsGoOn() throws Exception {
        m = new Manager();
        SharedCounter count = m.counter(0);
        SharedEvent stop = m.event();
        Supervisor sup = DefaultSupervisor.get();
        WireCounters c = sup.channels().counters();
        Process caller = new Process(() -> {
            long n = 0;
            while (!stop.isSet()) {
                count.incrementAndGet();
                n++;
                Thread.sleep(2);
            }
            return n;
        }).start();
        await("the caller's calls on its channel", () -> c.accepted() >= 50);
        int port = offer(sup, "w9000-flood").port();

        // Proved connections that then send bad frames: each is dropped and counted.
        long unsigned = c.droppedUnsigned();
        long badSignature = c.droppedBadSignature();
        long malformed = c.droppedMalformed();
        List<Socket> proved = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Socket s = connect(port);
            writeProof(s, offer(sup, "w900" + i + "-flood").nonce());
            assertEquals(ChannelListener.ACCEPTED, s.getInputStream().read(), "the offered nonce is accepted");
            proved.add(s);
        }
        DataOutputStream raw = new DataOutputStream(proved.get(0).getOutputStream());
        raw.writeInt(3);
        for (String f : List.of("no signature", "{}", "{}")) {
            raw.writeInt(f.length());
            raw.write(f.getBytes(StandardCharsets.UTF_8));
        }
        raw.flush();
        new FrameChannel(proved.get(1), "w9002-flood", "p", WireKey.random(), WireCodec.standard())
                .send(new ServiceRequest(1, "jmp.queue", "put", null, true), List.of());
        new DataOutputStream(proved.get(2).getOutputStream()).writeInt(1 << 30); // frames in a message
        await("the bad frames counted", () -> c.droppedUnsigned() > unsigned
                && c.droppedBadSignature() > badSignature && c.droppedMalformed() > malformed);
        for (Socket s : proved) {
            assertEquals(-1, s.getInputStream().read(), "a channel that sent a bad frame is closed");
        }

        // The flood, with the caller still calling.
        System.gc();
        int threadsBefore = threads();
        long rssBefore = rssKb();
        long before = unproved(c);
        long refusedBefore = c.channelsRefused();
        flood(port);
        int peak = threads();
        while (unproved(c) - before < IDLE + 3 * EACH_BAD) {
            peak = Math.max(peak, threads());
            Thread.sleep(10); // sampling the thread count; the @Timeout is the hang detector
        }
        peak = Math.max(peak, threads());
        System.out.println("flood: threads " + threadsBefore + " -> peak " + peak + ", counters " + c);
        assertTrue(peak - threadsBefore < 8, "threads grew from " + threadsBefore + " to " + peak);
        assertEquals(IDLE + 3 * EACH_BAD, unproved(c) - before, "every unproved connection is counted once: " + c);
        assertTrue(c.channelsRefused() - refusedBefore >= IDLE - ChannelListener.MAX_PENDING,
                "idle connections beyond the bound are refused at once: " + c);

        // Again, and a worker started meanwhile makes its calls (on a channel or on JeroMQ).
        flood(port);
        Process late = new Process(() -> {
            for (int i = 0; i < 30; i++) {
                count.incrementAndGet();
            }
        }).start();
        late.join();
        assertEquals(0, late.exitCode(), () -> "the late worker failed: " + late.exception());
        long rssAfter = rssKb();
        System.out.println("flood: RSS " + rssBefore / 1024 + " MB -> " + rssAfter / 1024 + " MB");
        assertTrue(rssAfter - rssBefore < 64 * 1024, "RSS grew from " + rssBefore + " kB to " + rssAfter + " kB");

        stop.set();
        caller.join();
        assertEquals(0, caller.exitCode(), () -> "the caller failed: " + caller.exception());
        long callerCalls = ((Number) caller.result()).longValue();

        // Afterwards a new worker gets its channel.
        for (Socket s : sockets) {
            s.close();
        }
        await("the second flood counted", () -> unproved(c) - before >= 2 * (IDLE + 3 * EACH_BAD));
        long acceptedBefore = c.accepted();
        Process after = new Process(() -> {
            for (int i = 0; i < 40; i++) {
                count.incrementAndGet();
            }
        }).start();
        after.join();
        assertEquals(0, after.exitCode(), () -> "the new worker failed: " + after.exception());
        assertTrue(c.accepted() - acceptedBefore >= 20, "the new worker's calls took the channel: " + c);
        assertEquals(callerCalls + 30 + 40, count.get(), "every call counted once");
    }
}
