package dev.jmp.internal.wire;

import dev.jmp.spi.Daemons;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The loopback listener of the call channels: one thread and one selector accept every
 * connection and read its proof (a nonce the parent offered on the worker's signed route, as
 * {@code int length} and UTF-8 bytes) without a thread per connection. Anyone on the machine can
 * connect, so before the proof nothing is trusted and everything is bounded:
 * <ul>
 *   <li>at most {@value #MAX_PENDING} connections wait for their proof; more are closed at once
 *       and counted in {@link WireCounters#channelsRefused()};</li>
 *   <li>the proof must arrive within {@value #PROOF_DEADLINE_MILLIS} ms of the accept, be 1 to
 *       {@value #MAX_NONCE_BYTES} bytes and name an offer not yet used; otherwise the connection
 *       is closed and counted in {@link WireCounters#channelProofsFailed()};</li>
 *   <li>exactly the proof's bytes are read, so the messages a worker writes right after it stay
 *       for the {@link FrameChannel} the connection is handed to.</li>
 * </ul>
 * An accepted proof is answered with the byte {@value #ACCEPTED}.
 * What happens after the hand-over (a reading thread per channel, bounded by the live workers) is
 * the owner's business.
 */
public final class ChannelListener implements AutoCloseable {

    /** Connections that may wait for their proof at once. */
    public static final int MAX_PENDING = 32;
    /** How long a connection has to write its proof. */
    public static final long PROOF_DEADLINE_MILLIS = 3_000;
    /** The longest proof read. */
    public static final int MAX_NONCE_BYTES = 64;
    /**
     * The byte the listener writes back once a proof is accepted: a worker uses a channel only
     * after reading it, so a connection refused or closed for a late proof never swallows a call.
     */
    public static final int ACCEPTED = 1;

    /** Tells whose offer a nonce is. */
    @FunctionalInterface
    public interface Admission {
        /** The peer the nonce was offered to (the offer is used up), or {@code null} if none. */
        String peerFor(String nonce);
    }

    /** Takes a connection that proved its peer. */
    @FunctionalInterface
    public interface Handoff {
        /** Called on the listener's thread: must not block. */
        void accept(FrameChannel channel);
    }

    /** A connection waiting for its proof. */
    private static final class Pending {
        final long deadline;
        final ByteBuffer length = ByteBuffer.allocate(4);
        ByteBuffer nonce;

        Pending(long deadline) {
            this.deadline = deadline;
        }
    }

    private static final System.Logger LOG = System.getLogger("dev.jmp.wire");
    private final String selfId;
    private final WireKey key;
    private final WireCodec codec;
    private final Admission admission;
    private final Handoff handoff;
    private final WireCounters counters;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final Thread thread;
    private int pending;
    private volatile boolean closed;

    private ChannelListener(String selfId, WireKey key, WireCodec codec, Admission admission, Handoff handoff,
                            WireCounters counters) throws IOException {
        this.selfId = selfId;
        this.key = key;
        this.codec = codec;
        this.admission = admission;
        this.handoff = handoff;
        this.counters = counters;
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        try {
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            server.close();
            selector.close();
            throw e;
        }
        this.thread = Daemons.thread("jmp-channel-accept", this::run);
    }

    /**
     * Binds a loopback port and starts accepting.
     *
     * @param selfId   this end's id on the channels ({@code p})
     * @param counters where refused connections, failed proofs and the channels' messages are counted
     */
    public static ChannelListener start(String selfId, WireKey key, WireCodec codec, Admission admission,
                                        Handoff handoff, WireCounters counters) throws IOException {
        ChannelListener l = new ChannelListener(selfId, key, codec, admission, handoff, counters);
        l.thread.start();
        return l;
    }

    /** The loopback port. */
    public int port() {
        return server.socket().getLocalPort();
    }

    private void run() {
        try {
            while (!closed) {
                selector.select(expire(System.currentTimeMillis())); // 0: nothing pending, wait for I/O
                for (SelectionKey k : selector.selectedKeys()) {
                    if (!k.isValid()) {
                        continue;
                    }
                    if (k.isAcceptable()) {
                        acceptAll();
                    } else if (k.isReadable()) {
                        progress(k);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.WARNING, "the call channel listener failed; calls take the JeroMQ route", e);
            }
        } finally {
            for (SelectionKey k : selector.keys()) {
                closeQuietly(k.channel());
            }
            closeQuietly(selector);
        }
    }

    private void acceptAll() throws IOException {
        while (true) {
            SocketChannel c;
            try {
                c = server.accept();
            } catch (IOException e) {
                if (closed || !server.isOpen()) {
                    throw e;
                }
                // Out of file descriptors, most likely: the connection stays in the backlog and
                // is offered again; pausing keeps this thread from spinning on it meanwhile.
                LOG.log(System.Logger.Level.DEBUG, "call channel accept failed: " + e.getMessage());
                pause();
                return;
            }
            if (c == null) {
                return;
            }
            if (pending >= MAX_PENDING) {
                counters.channelsRefused.incrementAndGet();
                closeQuietly(c);
                continue;
            }
            try {
                c.configureBlocking(false);
                c.register(selector, SelectionKey.OP_READ,
                        new Pending(System.currentTimeMillis() + PROOF_DEADLINE_MILLIS));
                pending++;
            } catch (IOException e) {
                counters.channelProofsFailed.incrementAndGet();
                closeQuietly(c);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            // nobody interrupts this thread; a kept flag would only make select() spin
        }
    }

    /** Reads what arrived of a proof; hands the connection over once it is complete and known. */
    private void progress(SelectionKey k) {
        Pending p = (Pending) k.attachment();
        SocketChannel c = (SocketChannel) k.channel();
        try {
            if (p.nonce == null) {
                if (c.read(p.length) < 0) {
                    fail(k);
                    return;
                }
                if (p.length.hasRemaining()) {
                    return;
                }
                int n = p.length.getInt(0);
                if (n <= 0 || n > MAX_NONCE_BYTES) {
                    fail(k);
                    return;
                }
                p.nonce = ByteBuffer.allocate(n);
            }
            if (c.read(p.nonce) < 0) {
                fail(k);
                return;
            }
            if (p.nonce.hasRemaining()) {
                return;
            }
            String peer = admission.peerFor(new String(p.nonce.array(), StandardCharsets.UTF_8));
            if (peer == null) {
                fail(k);
                return;
            }
            k.cancel();
            pending--;
            // One byte into a fresh connection's empty send buffer: never a partial write.
            if (c.write(ByteBuffer.wrap(new byte[] {ACCEPTED})) != 1) {
                throw new IOException("cannot answer the proof");
            }
            FrameChannel channel = FrameChannel.over(c, selfId, peer, key, codec, counters);
            try {
                handoff.accept(channel);
            } catch (RuntimeException e) {
                channel.close();
                LOG.log(System.Logger.Level.WARNING, "call channel of " + peer + " not taken", e);
            }
        } catch (IOException e) {
            fail(k);
        }
    }

    private void fail(SelectionKey k) {
        if (k.isValid()) {
            k.cancel();
            pending--;
        }
        counters.channelProofsFailed.incrementAndGet();
        closeQuietly(k.channel());
    }

    /** Closes the connections past their deadline; returns the time to the next deadline (0: none). */
    private long expire(long now) {
        long next = 0;
        for (SelectionKey k : selector.keys()) {
            if (k.isValid() && k.attachment() instanceof Pending p) {
                if (p.deadline <= now) {
                    fail(k);
                } else if (next == 0 || p.deadline - now < next) {
                    next = p.deadline - now;
                }
            }
        }
        return next;
    }

    /** Stops accepting and closes the connections still waiting for their proof. */
    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        closeQuietly(server);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // nothing more to release
        }
    }
}
