package dev.jmp.internal.wire;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The parent's endpoint: two ROUTERs bound to free loopback ports. Workers send to the
 * {@link #endpoint() up} one and receive from the {@link #downEndpoint() down} one. Only a
 * connection that presents an {@link #admit admitted} worker's credential in the ZeroMQ handshake
 * gets past the {@link ZapAuthenticator}; a worker's routing identity is its id and token, so
 * nobody without the token can take its route, and the signed header must repeat the id, so one
 * worker cannot speak for another.
 */
public final class Hub extends Endpoint {

    /** The parent's id on the wire. */
    public static final String PARENT_ID = "p";
    private static final int POLL_MILLIS = 10;
    private final String endpoint;
    private final String downEndpoint;
    private final Set<String> retired = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> lastHeard = new ConcurrentHashMap<>();
    private final WireSecurity security;
    private final ZapAuthenticator auth;
    private final ZapHandler zap;
    private final String serverPublic;

    /** Binds a hub on {@code tcp://127.0.0.1:*} with token security and starts its receive thread. */
    public Hub(WireKey key, WireCodec codec) {
        this(key, codec, WireSecurity.TOKEN);
    }

    /** Binds a hub on {@code tcp://127.0.0.1:*} with the given security and starts its receive thread. */
    public Hub(WireKey key, WireCodec codec, WireSecurity security) {
        this(key, codec, security, null);
    }

    /**
     * Binds a hub on {@code tcp://ADDRESS:*} (loopback when {@code address} is null) and starts
     * its receive thread. Off loopback the hub must use CURVE: anyone on the network can reach it.
     *
     * @param address an IP literal of this host that workers on other hosts reach, or null
     * @throws IllegalArgumentException for a non-loopback address without CURVE security
     */
    public Hub(WireKey key, WireCodec codec, WireSecurity security, String address) {
        super(PARENT_ID, key, codec, SocketType.ROUTER, SocketType.ROUTER, threadName(security, address), null, POLL_MILLIS);
        this.security = security;
        this.auth = new ZapAuthenticator(security, counters());
        // Bound before the ROUTERs: a server socket whose context has no ZAP handler lets anyone in.
        this.zap = new ZapHandler(context(), auth);
        ZMQ.Curve.KeyPair server = security == WireSecurity.CURVE ? ZMQ.Curve.generateKeyPair() : null;
        this.serverPublic = server == null ? null : server.publicKey;
        for (ZMQ.Socket s : List.of(in, out)) {
            s.setZAPDomain(ZapAuthenticator.DOMAIN);
            if (server != null) {
                s.setCurveSecretKey(ZMQ.Curve.z85Decode(server.secretKey));
                s.setCurveServer(true);
            } else {
                s.setPlainServer(true);
            }
        }
        out.setRouterMandatory(true);
        // A worker whose connection stalled reconnects under the same identity; without handover
        // the ROUTER keeps routing to (and refusing from) the dead connection. The identity holds
        // the worker's token, which reaches only the worker, so nobody else can claim it.
        in.setRouterHandover(true);
        out.setRouterHandover(true);
        HandshakeMonitor monitor = new HandshakeMonitor(context(), counters(), in, out);
        every(100, monitor::drain);
        String host = address == null ? "127.0.0.1" : address;
        in.bind("tcp://" + host + ":*");
        out.bind("tcp://" + host + ":*");
        endpoint = in.getLastEndpoint();
        downEndpoint = out.getLastEndpoint();
        if (address == null && (!endpoint.startsWith("tcp://127.0.0.1:") || !downEndpoint.startsWith("tcp://127.0.0.1:"))) {
            throw new IllegalStateException("hub bound to a non-loopback address: " + endpoint + ", " + downEndpoint);
        }
        start();
    }

    /** The receive thread's name, once the settings are known to be allowed (checked before anything is made). */
    private static String threadName(WireSecurity security, String address) {
        if (address != null && security != WireSecurity.CURVE) {
            throw new IllegalArgumentException("the hub listens off loopback (" + address + ") only with CURVE security, not "
                    + security.settingName());
        }
        return "jmp-wire-hub";
    }

    /** The address workers send to, such as {@code tcp://127.0.0.1:40123}. */
    public String endpoint() {
        return endpoint;
    }

    /** The address workers receive from. */
    public String downEndpoint() {
        return downEndpoint;
    }

    /** How connections authenticate. */
    public WireSecurity security() {
        return security;
    }

    /**
     * Lets a worker connect: returns the credential to hand it (on its standard input, never its
     * command line), valid until {@link #retire}.
     */
    public WireCredential admit(String workerId) {
        WireCredential c = WireCredential.issue(workerId, security, serverPublic);
        auth.admit(c);
        return c;
    }

    /** Refuses every later connection and message from a peer that is gone; its id is never reused. */
    public void retire(String peer) {
        auth.revoke(peer);
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
        return routedPeer != null && selfId.equals(header.to()) && header.from().equals(routedPeer)
                && !retired.contains(routedPeer);
    }

    @Override
    protected String peerOf(byte[] routingFrame) {
        return auth.workerOf(routingFrame);
    }

    @Override
    protected byte[] routingFrame(String to) {
        WireCredential c = auth.credential(to);
        return c != null ? c.routingIdentity() : super.routingFrame(to);
    }

    @Override
    protected void beforeContextClose() {
        zap.close();
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
