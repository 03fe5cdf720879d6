package dev.jmp.internal.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.zeromq.ZMQ;

/**
 * Decides ZAP requests (ZeroMQ RFC 27) for the hub's sockets: a connection is let in only if it
 * presents the credential of a worker the parent admitted and has not revoked, by the mechanism
 * the hub uses. Anything else (NULL, the other mechanism, an unknown worker, a wrong token or
 * key, a malformed request) is refused, so the connection never gets a pipe into a ROUTER.
 * Thread-safe: the ZAP thread decides while the supervisor admits and revokes.
 */
public final class ZapAuthenticator {

    /** The ZAP domain the hub's sockets use. */
    public static final String DOMAIN = "jmp";

    /** A ZAP reply: status code (200 or 400), its text, and the user id (the worker id) when let in. */
    public record Verdict(String code, String text, String userId) {
        /** Whether the connection is let in. */
        public boolean allowed() {
            return "200".equals(code);
        }
    }

    private final WireSecurity security;
    private final Map<String, WireCredential> byWorker = new ConcurrentHashMap<>();
    private final Map<String, WireCredential> byCurveKey = new ConcurrentHashMap<>();
    private final AtomicLong allowed;
    private final AtomicLong refused;

    /** An authenticator for a hub that uses {@code security}. */
    public ZapAuthenticator(WireSecurity security) {
        this(security, new WireCounters());
    }

    /** An authenticator that counts its verdicts in {@code counters}. */
    ZapAuthenticator(WireSecurity security, WireCounters counters) {
        this.security = security;
        this.allowed = counters.connectionsAllowed;
        this.refused = counters.connectionsRefused;
    }

    /** Lets a worker's credential in from now on. */
    public void admit(WireCredential c) {
        if (c.security() != security) {
            throw new IllegalArgumentException("a " + c.security().settingName() + " credential for a "
                    + security.settingName() + " hub");
        }
        byWorker.put(c.workerId(), c);
        if (c.curvePublic() != null) {
            byCurveKey.put(c.curvePublic(), c);
        }
    }

    /** Refuses a worker's credential from now on (connections it already has stay). */
    public void revoke(String workerId) {
        WireCredential c = byWorker.remove(workerId);
        if (c != null && c.curvePublic() != null) {
            byCurveKey.remove(c.curvePublic());
        }
    }

    /** The admitted credential of a worker, or null. */
    public WireCredential credential(String workerId) {
        return byWorker.get(workerId);
    }

    /**
     * The worker a routing identity belongs to, or null: the identity must be exactly the
     * admitted worker's {@code id:token}, so knowing an id is not enough to claim its route.
     */
    public String workerOf(byte[] routingIdentity) {
        String s = new String(routingIdentity, StandardCharsets.UTF_8);
        int colon = s.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        WireCredential c = byWorker.get(s.substring(0, colon));
        return c != null && MessageDigest.isEqual(c.routingIdentity(), routingIdentity) ? c.workerId() : null;
    }

    /** Connections let in so far. */
    public long allowed() {
        return allowed.get();
    }

    /** Connections refused so far. */
    public long refused() {
        return refused.get();
    }

    /**
     * Decides one ZAP request: {@code [version, request id, domain, address, identity, mechanism,
     * credentials...]}.
     */
    public Verdict decide(List<byte[]> request) {
        Verdict v = judge(request);
        (v.allowed() ? allowed : refused).incrementAndGet();
        return v;
    }

    private Verdict judge(List<byte[]> r) {
        if (r.size() < 6 || !"1.0".equals(text(r.get(0)))) {
            return refuse("malformed ZAP request");
        }
        if (!DOMAIN.equals(text(r.get(2)))) {
            return refuse("unknown domain");
        }
        String mechanism = text(r.get(5));
        List<byte[]> credentials = r.subList(6, r.size());
        if (security == WireSecurity.TOKEN && "PLAIN".equals(mechanism) && credentials.size() == 2) {
            WireCredential c = byWorker.get(text(credentials.get(0)));
            if (c != null && MessageDigest.isEqual(c.token().getBytes(StandardCharsets.UTF_8), credentials.get(1))) {
                return new Verdict("200", "OK", c.workerId());
            }
            return refuse("unknown worker or wrong token");
        }
        if (security == WireSecurity.CURVE && "CURVE".equals(mechanism) && credentials.size() == 1
                && credentials.get(0).length == 32) {
            WireCredential c = byCurveKey.get(ZMQ.Curve.z85Encode(credentials.get(0)));
            return c != null ? new Verdict("200", "OK", c.workerId()) : refuse("unknown client key");
        }
        return refuse("mechanism " + mechanism + " is not accepted here");
    }

    private static Verdict refuse(String why) {
        return new Verdict("400", why, "");
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
