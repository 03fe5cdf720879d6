package dev.jmp.internal.wire;

import dev.jmp.internal.wire.message.WireMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.zeromq.SocketType;
import org.zeromq.ZContext;

/**
 * A worker's endpoint: two DEALERs whose routing identity is the worker's id, one connected to
 * the parent's up address (to send) and one to its down address (to receive). It accepts only
 * messages the parent signed for this worker.
 */
public final class Link extends Endpoint {

    private static final int POLL_MILLIS = 20;
    private volatile long lastHeardMillis = System.currentTimeMillis();

    /** Connects to a hub and starts the receive thread. */
    public Link(String workerId, String upEndpoint, String downEndpoint, WireKey key, WireCodec codec,
                WireCredential credential) {
        this(workerId, upEndpoint, downEndpoint, key, codec, credential, null);
    }

    /**
     * Connects to a hub using a context made ahead of time (or a new one if null).
     *
     * @param credential what the worker proves itself with in the handshake ({@link Hub#admit}),
     *                   or null for a parent that checks none (tests that play the parent)
     */
    public Link(String workerId, String upEndpoint, String downEndpoint, WireKey key, WireCodec codec,
                WireCredential credential, ZContext context) {
        super(workerId, key, codec, SocketType.DEALER, SocketType.DEALER, threadName(upEndpoint, downEndpoint, credential),
                context, POLL_MILLIS);
        if (credential != null) {
            credential.configureClient(in);
            credential.configureClient(out);
        } else {
            byte[] identity = workerId.getBytes(StandardCharsets.UTF_8);
            in.setIdentity(identity);
            out.setIdentity(identity);
        }
        in.connect(downEndpoint);
        out.connect(upEndpoint);
        linger(1000);
        start();
    }

    /**
     * The receive thread's name, once the endpoints are known to be allowed (checked before any
     * socket is made): off loopback the traffic crosses a network, so only CURVE goes there.
     */
    private static String threadName(String upEndpoint, String downEndpoint, WireCredential credential) {
        boolean curve = credential != null && credential.security() == WireSecurity.CURVE;
        for (String e : List.of(upEndpoint, downEndpoint)) {
            if (!e.startsWith("tcp://127.0.0.1:") && !(curve && e.startsWith("tcp://"))) {
                throw new IllegalArgumentException("workers connect to loopback, or with CURVE security to tcp:// addresses, not " + e);
            }
        }
        return "jmp-wire-link";
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

    /** The parent numbers its messages to each worker from 1, and sends none before it can route them. */
    @Override
    protected long firstSequence() {
        return 1;
    }

    @Override
    protected boolean routedIn() {
        return false;
    }

    @Override
    protected boolean routedOut() {
        return false;
    }
}
