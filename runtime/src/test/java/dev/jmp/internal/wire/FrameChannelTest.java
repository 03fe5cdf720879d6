package dev.jmp.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.internal.service.ChannelService;
import dev.jmp.internal.service.ServiceCall;
import dev.jmp.internal.service.ServiceRegistry;
import dev.jmp.internal.wire.message.ServiceReply;
import dev.jmp.internal.wire.message.ServiceRequest;
import dev.jmp.internal.wire.message.WireMessage;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The direct call channel over real loopback sockets: messages round trip, and a forged,
 * misrouted, replayed or malformed message is refused (the channel ends) before anything runs.
 */
@Timeout(300)
class FrameChannelTest {

    private static final WireCodec CODEC = WireCodec.standard();
    private final WireKey key = WireKey.random();
    private ServerSocket server;
    private Socket client;
    private Socket accepted;

    @BeforeEach
    void connect() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        client = new Socket(InetAddress.getByName("127.0.0.1"), server.getLocalPort());
        accepted = server.accept();
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        accepted.close();
        server.close();
    }

    private static ServiceRequest request(long id) {
        return new ServiceRequest(id, "svc", "op", null, false);
    }

    @Test
    void messagesAndDataRoundTrip() throws IOException {
        FrameChannel parent = new FrameChannel(accepted, "p", "w1", key, CODEC);
        FrameChannel worker = new FrameChannel(client, "w1", "p", key, CODEC);
        byte[] big = new byte[1 << 20];
        big[777] = 9;
        assertTrue(worker.send(request(5), List.of(big, new byte[0])));
        Inbound<? extends WireMessage> in = parent.receive();
        assertEquals("w1", in.peer());
        assertEquals(5, ((ServiceRequest) in.body()).callId());
        assertArrayEquals(big, in.frame(0));
        assertEquals(0, in.frame(1).length);
        assertTrue(parent.send(new ServiceReply(5, null, null), List.of()));
        assertEquals(5, ((ServiceReply) worker.receive().body()).callId());
        worker.close();
        assertNull(parent.receive(), "the end of the stream");
        assertTrue(!worker.send(request(6), List.of()), "a closed channel sends nothing");
    }

    @Test
    void aMessageSignedWithAnotherKeyIsRefused() throws IOException {
        FrameChannel parent = new FrameChannel(accepted, "p", "w1", key, CODEC);
        new FrameChannel(client, "w1", "p", WireKey.random(), CODEC).send(request(1), List.of());
        IOException e = assertThrows(IOException.class, parent::receive);
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
    }

    @Test
    void aMessageFromAnotherWorkerIsRefused() throws IOException {
        FrameChannel parent = new FrameChannel(accepted, "p", "w1", key, CODEC);
        new FrameChannel(client, "w2", "p", key, CODEC).send(request(1), List.of());
        IOException e = assertThrows(IOException.class, parent::receive);
        assertTrue(e.getMessage().contains("misrouted"), e.getMessage());
    }

    @Test
    void aReplayedSequenceNumberIsRefused() throws IOException {
        FrameChannel parent = new FrameChannel(accepted, "p", "w1", key, CODEC);
        // Two senders on one connection both start at seq 1: the second message is a replay.
        new FrameChannel(client, "w1", "p", key, CODEC).send(request(1), List.of());
        new FrameChannel(client, "w1", "p", key, CODEC).send(request(2), List.of());
        assertEquals(1, ((ServiceRequest) parent.receive().body()).callId());
        IOException e = assertThrows(IOException.class, parent::receive);
        assertTrue(e.getMessage().contains("stale"), e.getMessage());
    }

    @Test
    void aMalformedMessageIsRefused() throws IOException {
        FrameChannel parent = new FrameChannel(accepted, "p", "w1", key, CODEC);
        DataOutputStream raw = new DataOutputStream(client.getOutputStream());
        raw.writeInt(2);
        raw.flush();
        IOException e = assertThrows(IOException.class, parent::receive);
        assertTrue(e.getMessage().contains("malformed"), e.getMessage());
    }

    @Test
    void dropsAreCountedByReason() throws IOException {
        WireCounters counters = new WireCounters();
        FrameChannel parent = new FrameChannel(accepted, "p", "w1", key, CODEC, counters);
        new FrameChannel(client, "w1", "p", WireKey.random(), CODEC).send(request(1), List.of());
        assertThrows(IOException.class, parent::receive);
        assertEquals(1, counters.droppedBadSignature());
        assertEquals(1, counters.received());
        assertEquals(0, counters.accepted());
    }

    @Test
    void aDeclaredFrameSizeIsNotAllocatedBeforeItsBytesArrive() throws IOException {
        WireCounters counters = new WireCounters();
        FrameChannel parent = new FrameChannel(accepted, "p", "w1", key, CODEC, counters);
        DataOutputStream raw = new DataOutputStream(client.getOutputStream());
        raw.writeInt(3);
        raw.writeInt(Integer.MAX_VALUE); // 2 GiB claimed, 16 bytes sent: an eager array would fail at once
        raw.write(new byte[16]);
        raw.flush();
        client.shutdownOutput();
        assertNull(parent.receive(), "the stream ended inside the frame");
    }

    @Test
    void theServiceAdmitsOnlyAnOfferedNonceAndRunsOnlySignedCalls() throws Exception {
        ServiceRegistry registry = new ServiceRegistry();
        AtomicInteger ran = new AtomicInteger();
        registry.register("svc", call -> {
            ran.incrementAndGet();
            call.reply(null, List.of(call.peer().getBytes(StandardCharsets.UTF_8)));
        });
        ChannelService channels = ChannelService.register(registry, key, CODEC);
        try {
            CompletableFuture<Object> answer = new CompletableFuture<>();
            registry.dispatch(new ServiceCall("w1", 1, ChannelService.NAME, "open", null, List.of(), false,
                    (result, error, frames) -> answer.complete(result)));
            ChannelService.Offer offer = (ChannelService.Offer) answer.get(300, TimeUnit.SECONDS);

            try (Socket stranger = open(offer.port(), "not-the-nonce")) {
                assertEquals(-1, stranger.getInputStream().read(), "an unknown nonce is hung up on");
            }
            try (Socket forger = open(offer.port(), offer.nonce())) {
                assertEquals(ChannelListener.ACCEPTED, forger.getInputStream().read(), "the proof is accepted");
                new FrameChannel(forger, "w1", "p", WireKey.random(), CODEC).send(request(1), List.of());
                assertEquals(-1, forger.getInputStream().read(), "a forged message ends the channel");
            }
            assertEquals(0, ran.get(), "nothing ran");
            try (Socket again = open(offer.port(), offer.nonce())) {
                assertEquals(-1, again.getInputStream().read(), "a nonce admits one connection only");
            }

            registry.dispatch(new ServiceCall("w1", 2, ChannelService.NAME, "open", null, List.of(), false,
                    (result, error, frames) -> answer.obtrudeValue(result)));
            ChannelService.Offer second = (ChannelService.Offer) answer.get();
            try (Socket good = open(second.port(), second.nonce())) {
                assertEquals(ChannelListener.ACCEPTED, good.getInputStream().read(), "the proof is accepted");
                FrameChannel c = new FrameChannel(good, "w1", "p", key, CODEC);
                c.send(request(7), List.of());
                Inbound<? extends WireMessage> reply = c.receive();
                assertEquals(7, ((ServiceReply) reply.body()).callId());
                assertEquals("w1", new String(reply.frame(0), StandardCharsets.UTF_8), "the call ran as its worker");
                registry.peerGone("w1");
                assertNull(c.receive(), "a gone worker's channel is closed");
            }
            assertEquals(1, ran.get());
            assertEquals(1, channels.counters().droppedBadSignature(), channels.counters().toString());
            assertEquals(2, channels.counters().channelProofsFailed(), "the unknown and the reused nonce");
        } finally {
            channels.close();
        }
    }

    private static Socket open(int port, String nonce) throws IOException {
        Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port);
        s.setSoTimeout(10_000);
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        byte[] b = nonce.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
        out.flush();
        return s;
    }
}
