package dev.jmp.internal.wire;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.zeromq.SocketType;

/**
 * The parent's endpoint: two ROUTERs bound to free loopback ports. Workers send to the
 * {@link #endpoint() up} one and receive from the {@link #downEndpoint() down} one. A worker's
 * routing identity is its id, and the signed header must repeat it, so one worker cannot speak
 * for another.
 */
public final class Hub extends Endpoint {

    /** The parent's id on the wire. */
    public static final String PARENT_ID = "p";
    private static final int POLL_MILLIS = 10;
    private final String endpoint;
    private final String downEndpoint;
    private final Set<String> retired = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> lastHeard = new ConcurrentHashMap<>();

    /** Binds a hub on {@code tcp://127.0.0.1:*} and starts its receive thread. */
    public Hub(WireKey key, WireCodec codec) {
        super(PARENT_ID, key, codec, SocketType.ROUTER, SocketType.ROUTER, "jmp-wire-hub", null, POLL_MILLIS);
        out.setRouterMandatory(true);
        // A worker whose connection stalled reconnects under the same identity; without handover
        // the ROUTER keeps routing to (and refusing from) the dead connection. Worker ids carry 64
        // random bits and reach only the worker, so nobody else can claim one.
        in.setRouterHandover(true);
        out.setRouterHandover(true);
        in.bind("tcp://127.0.0.1:*");
        out.bind("tcp://127.0.0.1:*");
        endpoint = in.getLastEndpoint();
        downEndpoint = out.getLastEndpoint();
        if (!endpoint.startsWith("tcp://127.0.0.1:") || !downEndpoint.startsWith("tcp://127.0.0.1:")) {
            throw new IllegalStateException("hub bound to a non-loopback address: " + endpoint + ", " + downEndpoint);
        }
        start();
    }

    /** The address workers send to, such as {@code tcp://127.0.0.1:40123}. */
    public String endpoint() {
        return endpoint;
    }

    /** The address workers receive from. */
    public String downEndpoint() {
        return downEndpoint;
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
    protected boolean routedIn() {
        return true;
    }

    @Override
    protected boolean routedOut() {
        return true;
    }
}
