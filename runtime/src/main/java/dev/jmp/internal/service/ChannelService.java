package dev.jmp.internal.service;

import dev.jmp.internal.wire.FrameChannel;
import dev.jmp.internal.wire.Inbound;
import dev.jmp.internal.wire.WireCodec;
import dev.jmp.internal.wire.WireKey;
import dev.jmp.internal.wire.message.ServiceReply;
import dev.jmp.internal.wire.message.ServiceRequest;
import dev.jmp.internal.wire.message.WireMessage;
import dev.jmp.spi.Daemons;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parent's end of the direct call channels ({@link FrameChannel}), registered as
 * {@value #NAME}. A worker that makes many service calls asks it over the JeroMQ wire to
 * {@code open} a channel and gets a port and a one-time nonce; it connects to that loopback port
 * and writes the nonce first. The nonce reached the worker on its own signed route, so it proves
 * which worker connected, as the routing identity does on the JeroMQ sockets. From then on one
 * thread per channel reads that worker's calls and dispatches them to the registry; replies
 * (also those of calls answered later, such as a lock granted) go back on the same channel. A
 * worker opens two: one for calls that may wait, read by a thread of its own, and one for calls
 * answered at once, whose caller reads its reply itself (one thread wake-up less per call).
 */
public final class ChannelService implements Service {

    /** The service's name in the registry. */
    public static final String NAME = "jmp.channel";

    /**
     * The answer to {@code open}.
     *
     * @param port  the loopback port to connect to
     * @param nonce what to write first, as {@code int length} and UTF-8 bytes
     */
    public record Offer(int port, String nonce) {
    }

    private static final System.Logger LOG = System.getLogger("dev.jmp.service");
    private static final int HELLO_TIMEOUT_MILLIS = 10_000;
    private final ServiceRegistry registry;
    private final WireKey key;
    private final WireCodec codec;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> nonces = new ConcurrentHashMap<>();
    private final Map<String, Set<FrameChannel>> channels = new ConcurrentHashMap<>();
    private ServerSocket server;
    private volatile boolean closed;

    private ChannelService(ServiceRegistry registry, WireKey key, WireCodec codec) {
        this.registry = registry;
        this.key = key;
        this.codec = codec;
    }

    /** Registers the channel service in a registry. */
    public static ChannelService register(ServiceRegistry registry, WireKey key, WireCodec codec) {
        ChannelService s = new ChannelService(registry, key, codec);
        registry.register(NAME, s);
        return s;
    }

    @Override
    public void handle(ServiceCall call) {
        if (!"open".equals(call.op())) {
            throw new IllegalArgumentException("operation " + call.op() + " of " + NAME + " does not exist (open)");
        }
        if (LocalServiceClient.PARENT.equals(call.peer())) {
            throw new IllegalArgumentException("the parent calls its services directly, not over a channel");
        }
        int port = listen();
        String nonce = HexFormat.of().formatHex(random.generateSeed(16));
        nonces.put(nonce, call.peer());
        call.reply(new Offer(port, nonce), null);
    }

    private synchronized int listen() {
        if (closed) {
            throw new IllegalStateException("the jmp runtime is shutting down");
        }
        if (server == null) {
            try {
                ServerSocket s = new ServerSocket();
                s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
                server = s;
            } catch (IOException e) {
                throw new IllegalStateException("cannot listen on loopback for call channels: " + e.getMessage(), e);
            }
            Daemons.start("jmp-channel-accept", this::accept);
        }
        return server.getLocalPort();
    }

    private void accept() {
        ServerSocket s;
        synchronized (this) {
            s = server;
        }
        while (!closed) {
            Socket socket;
            try {
                socket = s.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "call channel listener failed", e);
                }
                return;
            }
            Daemons.start("jmp-channel", () -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        FrameChannel channel;
        try {
            String peer = hello(socket);
            if (peer == null) {
                socket.close();
                return;
            }
            channel = new FrameChannel(socket, LocalServiceClient.PARENT, peer, key, codec);
        } catch (IOException e) {
            closeQuietly(socket);
            return;
        }
        channels.computeIfAbsent(channel.peerId(), p -> ConcurrentHashMap.newKeySet()).add(channel);
        if (closed || registry.isGone(channel.peerId())) {
            channel.close();
        }
        try {
            Inbound<? extends WireMessage> m;
            while ((m = channel.receive()) != null) {
                if (!(m.body() instanceof ServiceRequest r)) {
                    throw new IOException("unexpected " + m.header().type() + " on a call channel");
                }
                registry.dispatch(new ServiceCall(m.peer(), r.callId(), r.service(), r.op(), r.args(), m.data(),
                        r.oneWay(), (result, error, frames) -> channel.send(new ServiceReply(r.callId(),
                        result == null ? null : WireCodec.toTree(result), error), frames)));
            }
        } catch (IOException e) {
            // A killed worker resets its connection; a forged message ends up here too. Either
            // way the worker's calls fall back to (or stay refused on) the JeroMQ route.
            if (!channel.isClosed()) {
                LOG.log(System.Logger.Level.DEBUG, "call channel of " + channel.peerId() + " dropped", e);
            }
        } finally {
            channel.close();
            Set<FrameChannel> mine = channels.get(channel.peerId());
            if (mine != null) {
                mine.remove(channel);
            }
        }
    }

    /** Reads the nonce a connecting worker writes first; returns its id, or null if unknown. */
    private String hello(Socket socket) throws IOException {
        socket.setSoTimeout(HELLO_TIMEOUT_MILLIS);
        InputStream raw = socket.getInputStream();
        DataInputStream in = new DataInputStream(raw);
        try {
            int n = in.readInt();
            if (n <= 0 || n > 256) {
                return null;
            }
            byte[] b = new byte[n];
            in.readFully(b);
            socket.setSoTimeout(0);
            return nonces.remove(new String(b, StandardCharsets.UTF_8));
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }

    @Override
    public void peerGone(String peer) {
        nonces.values().removeIf(peer::equals);
        Set<FrameChannel> mine = channels.remove(peer);
        if (mine != null) {
            mine.forEach(FrameChannel::close);
        }
    }

    /** Stops listening and closes every channel. */
    public void close() {
        ServerSocket s;
        synchronized (this) {
            closed = true;
            s = server;
        }
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
        channels.values().forEach(mine -> mine.forEach(FrameChannel::close));
        channels.clear();
    }
}
