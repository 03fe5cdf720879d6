package dev.jmp.wire;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.zeromq.SocketType;

/**
 * The parent's endpoint: a ROUTER bound to a free loopback port that every worker connects to.
 * A worker's routing identity is its id, and the signed header must repeat it, so one worker
 * cannot speak for another.
 */
public final class Hub extends Endpoint {

    /** The parent's id on the wire. */
    public static final String PARENT_ID = "p";
    private final String endpoint;
    private final Set<String> retired = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> lastHeard = new ConcurrentHashMap<>();

    /** Binds a hub on {@code tcp://127.0.0.1:*} and starts its I/O thread. */
    public Hub(WireKey key, WireCodec codec) {
        super(PARENT_ID, key, codec, SocketType.ROUTER, "jmp-wire-hub");
        socket.setRouterMandatory(true);
        // JeroMQ 0.6.0 occasionally stalls a connection's handshake (about 1 in 50 on this machine);
        // the stalled side only gives up after the handshake interval, 30 s by default.
        socket.setHandshakeIvl(1000);
        socket.bind("tcp://127.0.0.1:*");
        endpoint = socket.getLastEndpoint();
        if (!endpoint.startsWith("tcp://127.0.0.1:")) {
            throw new IllegalStateException("hub bound to a non-loopback address: " + endpoint);
        }
        start();
    }

    /** Returns the address workers connect to, such as {@code tcp://127.0.0.1:40123}. */
    public String endpoint() {
        return endpoint;
    }

    /** Refuses every later message from a peer that is gone; its id is never reused. */
    public void retire(String peer) {
        retired.add(peer);
        lastHeard.remove(peer);
        execute(() -> forgetSequence(peer));
    }

    /** When the last valid message from a peer arrived (epoch millis), or 0 if never. */
    public long lastHeardMillis(String peer) {
        return lastHeard.getOrDefault(peer, 0L);
    }

    @Override
    protected void onAccepted(Header header) {
        lastHeard.put(header.from(), System.currentTimeMillis());
    }

    @Override
    protected boolean acceptsRoute(String routedPeer, Header header) {
        return selfId.equals(header.to()) && header.from().equals(routedPeer) && !retired.contains(routedPeer);
    }

    @Override
    protected boolean routed() {
        return true;
    }
}
