package dev.jmp.internal.worker;

import dev.jmp.internal.service.ChannelService;
import dev.jmp.internal.wire.FrameChannel;
import dev.jmp.internal.wire.Inbound;
import dev.jmp.internal.wire.message.ServiceReply;
import dev.jmp.internal.wire.message.WireMessage;
import dev.jmp.spi.Daemons;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Chooses the route of a worker's service calls: the JeroMQ route for the first
 * {@value #CHANNEL_AFTER_CALLS} calls (short-lived workers never need more), then two direct
 * channels, one for calls that may wait (read by a thread of its own, which completes
 * {@link PendingCalls}) and one for calls answered at once (its caller reads the reply itself).
 * A channel that cannot be opened, or breaks, is not tried again: calls stay on JeroMQ.
 */
final class ChannelRoute {

    /** Calls on the JeroMQ route before a channel is opened. */
    static final int CHANNEL_AFTER_CALLS = 8;
    private final ChannelConnector connector;
    private final PendingCalls pending;
    private final Object lock = new Object();
    private final AtomicLong calls = new AtomicLong();
    private final ReentrantLock quickLock = new ReentrantLock();
    private volatile FrameChannel channel;
    private volatile FrameChannel quick;
    private volatile boolean failed;

    /**
     * @param enabled whether channels may be opened at all: a worker on another host never opens
     *                one, since the channel listener is on the parent's loopback and the channels
     *                are not encrypted; its calls stay on the CURVE-encrypted JeroMQ route
     */
    ChannelRoute(ChannelConnector connector, PendingCalls pending, boolean enabled) {
        this.connector = connector;
        this.pending = pending;
        this.failed = !enabled;
    }

    /**
     * The channel for a call, or null for the JeroMQ route: while one-way messages (which travel
     * on JeroMQ) may still be unhandled in the parent, a call on another connection could
     * overtake them, so it takes their route.
     */
    FrameChannel forCall(String service, boolean oneWaysUnsettled) {
        if (ChannelService.NAME.equals(service) || oneWaysUnsettled) {
            return null;
        }
        FrameChannel c = channel;
        if (c != null && !c.isClosed()) {
            return c;
        }
        if (c != null || failed || calls.incrementAndGet() < CHANNEL_AFTER_CALLS) {
            return null;
        }
        synchronized (lock) {
            if (channel == null && !failed) {
                channel = open();
            }
            return channel;
        }
    }

    /** The channel for calls answered at once, locked for the caller; null if busy or absent. */
    FrameChannel lockQuick() {
        FrameChannel q = quick;
        if (q == null || q.isClosed() || !quickLock.tryLock()) {
            return null;
        }
        return q;
    }

    /** Releases what {@link #lockQuick()} took. */
    void unlockQuick() {
        quickLock.unlock();
    }

    private FrameChannel open() {
        FrameChannel c = connector.connect();
        if (c == null) {
            failed = true;
            return null;
        }
        Daemons.start("jmp-service-channel", () -> read(c));
        quick = connector.connect();
        return c;
    }

    private void read(FrameChannel c) {
        try {
            Inbound<? extends WireMessage> m;
            while ((m = c.receive()) != null) {
                if (m.body() instanceof ServiceReply r) {
                    pending.complete(new Inbound<>(m.peer(), m.header(), r, m.data()));
                }
            }
        } catch (IOException e) {
            // a broken channel: calls fall back to the JeroMQ route
        } finally {
            c.close();
            failed = true;
            pending.channelClosed("the service channel to the parent closed");
        }
    }
}
