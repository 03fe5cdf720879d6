package dev.jmp.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.internal.wire.message.ServiceRequest;
import dev.jmp.internal.wire.message.WireMessage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The call-channel listener in-process, over real loopback sockets: connections waiting for their
 * proof are bounded in number, time and bytes without a thread each, every refusal is counted,
 * and a proved connection is answered and handed over with the bytes that followed its proof.
 */
@Timeout(300)
class ChannelListenerTest {

    private static final WireCodec CODEC = WireCodec.standard();
    private final WireKey key = WireKey.random();
    private final WireCounters counters = new WireCounters();
    private final BlockingQueue<FrameChannel> handed = new LinkedBlockingQueue<>();
    private final List<Socket> sockets = new ArrayList<>();
    private ChannelListener listener;

    @BeforeEach
    void listen() throws IOException {
        listener = ChannelListener.start("p", key, CODEC, nonce -> nonce.equals("good-nonce") ? "w1" : null,
                handed::add, counters);
    }

    @AfterEach
    void close() throws IOException {
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
        handed.forEach(FrameChannel::close);
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getByName("127.0.0.1"), listener.port());
        s.setSoTimeout(20_000);
        sockets.add(s);
        return s;
    }

    private static byte[] proof(String nonce) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        byte[] n = nonce.getBytes(StandardCharsets.UTF_8);
        out.writeInt(n.length);
        out.write(n);
        return b.toByteArray();
    }

    private static void await(LongSupplier counter, long atLeast) throws InterruptedException {
        while (counter.getAsLong() < atLeast) {
            Thread.sleep(10); // the test's @Timeout is the hang detector
        }
    }

    @Test
    void connectionsBeyondThePendingBoundAreClosedAtOnceWithoutAThreadEach() throws Exception {
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        int extra = 20;
        for (int i = 0; i < ChannelListener.MAX_PENDING + extra; i++) {
            connect();
        }
        await(counters::channelsRefused, extra);
        assertEquals(extra, counters.channelsRefused(), counters.toString());
        assertTrue(ManagementFactory.getThreadMXBean().getThreadCount() - threads < 2, "no thread per connection");
        // The refused ones read the end of the stream; those waiting time out after the deadline.
        await(counters::channelProofsFailed, ChannelListener.MAX_PENDING);
        for (Socket s : sockets) {
            assertEquals(-1, s.getInputStream().read(), "every idle connection is closed");
        }
        assertEquals(0, handed.size());
    }

    @Test
    void anOversizedUnknownOrTruncatedProofIsClosedAndCounted() throws Exception {
        Socket oversized = connect();
        new DataOutputStream(oversized.getOutputStream()).writeInt(1 << 30);
        Socket unknown = connect();
        unknown.getOutputStream().write(proof("forged-nonce"));
        Socket truncated = connect();
        truncated.getOutputStream().write(proof("good-nonce"), 0, 6);
        truncated.shutdownOutput();
        await(counters::channelProofsFailed, 3);
        for (Socket s : List.of(oversized, unknown, truncated)) {
            assertEquals(-1, s.getInputStream().read());
        }
        assertEquals(0, handed.size());
        assertEquals(0, counters.channelsRefused());
    }

    @Test
    void aProvedConnectionIsAnsweredAndHandedOverWithWhatFollowedItsProof() throws Exception {
        Socket good = connect();
        // The proof and a first message in one write: the listener must not read past the proof.
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(proof("good-nonce"));
        FrameChannel capture = new FrameChannel(new Socket() {
            @Override
            public java.io.OutputStream getOutputStream() {
                return both;
            }

            @Override
            public java.io.InputStream getInputStream() {
                return java.io.InputStream.nullInputStream();
            }
        }, "w1", "p", key, CODEC);
        capture.send(new ServiceRequest(7, "svc", "op", null, false), List.of());
        good.getOutputStream().write(both.toByteArray());
        assertEquals(ChannelListener.ACCEPTED, good.getInputStream().read());
        FrameChannel parent = handed.poll(300, TimeUnit.SECONDS);
        assertEquals("w1", parent.peerId());
        Inbound<? extends WireMessage> m = parent.receive();
        assertEquals(7, ((ServiceRequest) m.body()).callId());
        assertEquals(1, counters.accepted());
        assertEquals(0, counters.channelProofsFailed());
    }
}
