package dev.jmp.internal.wire;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.zeromq.ZMQ;

/**
 * What one worker proves itself with on the hub's sockets. The parent makes one per worker and
 * hands it over on the worker's standard input with the rest of its bootstrap.
 *
 * <p>The token does two jobs: it is the PLAIN password the hub's ZAP handler checks (TOKEN
 * security), and it is part of the worker's routing identity ({@code id:token}), so a peer that
 * knows a worker's id but not its token can neither connect nor take over its route, and one
 * worker cannot claim another's route either.
 *
 * @param workerId     the worker's id
 * @param token        128 random bits, hex
 * @param security     how the handshake authenticates
 * @param curvePublic  the worker's CURVE public key (Z85), or null for TOKEN
 * @param curveSecret  the worker's CURVE secret key (Z85), or null for TOKEN
 * @param serverPublic the hub's CURVE public key (Z85), or null for TOKEN
 */
public record WireCredential(String workerId, String token, WireSecurity security, String curvePublic,
                             String curveSecret, String serverPublic) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Makes a fresh credential for a worker of a hub with this security (and server key, for CURVE). */
    static WireCredential issue(String workerId, WireSecurity security, String serverPublic) {
        byte[] t = new byte[16];
        RANDOM.nextBytes(t);
        String token = HexFormat.of().formatHex(t);
        if (security == WireSecurity.CURVE) {
            ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
            return new WireCredential(workerId, token, security, pair.publicKey, pair.secretKey, serverPublic);
        }
        return new WireCredential(workerId, token, security, null, null, null);
    }

    /** The routing identity the worker's sockets use: its id and token. */
    public byte[] routingIdentity() {
        return (workerId + ":" + token).getBytes(StandardCharsets.UTF_8);
    }

    /** Sets up a worker's socket to present this credential in the handshake. */
    public void configureClient(ZMQ.Socket socket) {
        socket.setIdentity(routingIdentity());
        if (security == WireSecurity.CURVE) {
            socket.setCurveServerKey(ZMQ.Curve.z85Decode(serverPublic));
            socket.setCurvePublicKey(ZMQ.Curve.z85Decode(curvePublic));
            socket.setCurveSecretKey(ZMQ.Curve.z85Decode(curveSecret));
        } else {
            socket.setPlainUsername(workerId);
            socket.setPlainPassword(token);
        }
    }

    @Override
    public String toString() {
        return "WireCredential[" + workerId + ", " + security.settingName() + ", hidden]";
    }
}
