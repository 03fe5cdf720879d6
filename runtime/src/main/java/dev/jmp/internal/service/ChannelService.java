package dev.jmp.internal.service;

import dev.jmp.internal.wire.ChannelListener;
import dev.jmp.internal.wire.FrameChannel;
import dev.jmp.internal.wire.Inbound;
import dev.jmp.internal.wire.WireCodec;
import dev.jmp.internal.wire.WireCounters;
import dev.jmp.internal.wire.WireKey;
import dev.jmp.internal.wire.message.WireMessage;
import dev.jmp.internal.wire.message.ServiceReply;
import dev.jmp.internal.wire.message.ServiceRequest;
import dev.jmp.spi.Daemons;
import java.io.IOException;
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
 * which worker connected, as the routing identity does on the JeroMQ sockets. The
 * {@link ChannelListener} reads that proof for every connection on one thread, bounded in
 * connections, time and bytes; once proved, one thread per channel reads that worker's calls and
 * dispatches them to the registry (a worker gets at most {@value #MAX_CHANNELS_PER_PEER}
 * channels, so these threads are bounded by the live workers); replies
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

    /** Channels (offered or open) one worker may hold: the two a worker opens. */
    public static final int MAX_CHANNELS_PER_PEER = 2;
    private static final System.Logger LOG = System.getLogger("dev.jmp.service");
    private final ServiceRegistry registry;
    private final WireKey key;
    private final WireCodec codec;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> nonces = new ConcurrentHashMap<>();
    private final Map<String, Set<FrameChannel>> channels = new ConcurrentHashMap<>();
    private final WireCounters counters = new WireCounters();
    private ChannelListener listener;
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
        synchronized (nonces) {
            long held = nonces.values().stream().filter(call.peer()::equals).count()
                    + channels.getOrDefault(call.peer(), Set.of()).size();
            if (held >= MAX_CHANNELS_PER_PEER) {
                throw new IllegalStateException(call.peer() + " already holds " + held + " call channels (at most "
                        + MAX_CHANNELS_PER_PEER + ")");
            }
            nonces.put(nonce, call.peer());
        }
        call.reply(new Offer(port, nonce), null);
    }

    /** What the call channels received and dropped, and the connections refused before trust. */
    public WireCounters counters() {
        return counters;
    }

    private synchronized int listen() {
        if (closed) {
            throw new IllegalStateException("the jmp runtime is shutting down");
        }
        if (listener == null) {
            try {
                listener = ChannelListener.start(LocalServiceClient.PARENT, key, codec, this::admit, this::adopt,
                        counters);
            } catch (IOException e) {
                throw new IllegalStateException("cannot listen on loopback for call channels: " + e.getMessage(), e);
            }
        }
        return listener.port();
    }

    /** Uses up an offer; on the listener's thread. */
    private String admit(String nonce) {
        synchronized (nonces) {
            String peer = nonces.remove(nonce);
            return peer == null || registry.isGone(peer) ? null : peer;
        }
    }

    /** Takes a proved channel: one thread reads it for as long as the worker lives. */
    private void adopt(FrameChannel channel) {
        channels.computeIfAbsent(channel.peerId(), p -> ConcurrentHashMap.newKeySet()).add(channel);
        if (closed || registry.isGone(channel.peerId())) {
            channel.close();
        }
        Daemons.start("jmp-channel", () -> serve(channel));
    }

    private void serve(FrameChannel channel) {
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
            // A killed worker resets its connection; a forged message ends up here too (counted
            // by the channel). Either way the worker's calls fall back to (or stay refused on)
            // the JeroMQ route.
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

    @Override
    public void peerGone(String peer) {
        synchronized (nonces) {
            nonces.values().removeIf(peer::equals);
        }
        Set<FrameChannel> mine = channels.remove(peer);
        if (mine != null) {
            mine.forEach(FrameChannel::close);
        }
    }

    /** Stops listening and closes every channel. */
    public void close() {
        ChannelListener l;
        synchronized (this) {
            closed = true;
            l = listener;
        }
        if (l != null) {
            l.close();
        }
        channels.values().forEach(mine -> mine.forEach(FrameChannel::close));
        channels.clear();
    }
}
