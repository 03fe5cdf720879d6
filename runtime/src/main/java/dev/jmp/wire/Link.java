package dev.jmp.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.zeromq.SocketType;

/**
 * A worker's endpoint: a DEALER whose routing identity is the worker's id, connected to the
 * parent's {@link Hub}. It accepts only messages the parent signed for this worker.
 */
public final class Link extends Endpoint {

    private volatile long lastHeardMillis = System.currentTimeMillis();

    /** Connects to a hub and starts the I/O thread. */
    public Link(String workerId, String hubEndpoint, WireKey key, WireCodec codec) {
        this(workerId, hubEndpoint, key, codec, null);
    }

    /** Connects to a hub using a context made ahead of time (or a new one if null). */
    public Link(String workerId, String hubEndpoint, WireKey key, WireCodec codec, org.zeromq.ZContext context) {
        super(workerId, key, codec, SocketType.DEALER, "jmp-wire-link", context);
        if (!hubEndpoint.startsWith("tcp://127.0.0.1:")) {
            throw new IllegalArgumentException("workers connect to loopback only, not " + hubEndpoint);
        }
        socket.setIdentity(workerId.getBytes(StandardCharsets.UTF_8));
        // See Hub: a stalled handshake is abandoned and retried after this interval.
        socket.setHandshakeIvl(500);
        socket.connect(hubEndpoint);
        linger(1000);
        start();
    }

    /** Sends a message to the parent. */
    public void send(WireMessage body, List<byte[]> data) {
        send(Hub.PARENT_ID, body, data);
    }

    /** Sends a message without data frames to the parent. */
    public void send(WireMessage body) {
        send(Hub.PARENT_ID, body, List.of());
    }

    /** When the last message from the parent was accepted (epoch millis). */
    public long lastHeardMillis() {
        return lastHeardMillis;
    }

    @Override
    protected boolean acceptsRoute(String routedPeer, Header header) {
        return Hub.PARENT_ID.equals(header.from()) && selfId.equals(header.to());
    }

    @Override
    protected void onAccepted(Header header) {
        lastHeardMillis = System.currentTimeMillis();
    }

    @Override
    protected boolean routed() {
        return false;
    }
}
