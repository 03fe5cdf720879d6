package dev.jmp.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;

/** The ZAP verdicts: only an admitted, unrevoked worker's credential, by the hub's mechanism, gets in. */
class ZapAuthenticatorTest {

    private static List<byte[]> request(String domain, String mechanism, byte[]... credentials) {
        List<byte[]> r = new ArrayList<>();
        for (String s : List.of("1.0", "7", domain, "127.0.0.1", "", mechanism)) {
            r.add(s.getBytes(StandardCharsets.UTF_8));
        }
        r.addAll(List.of(credentials));
        return r;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void tokenHubLetsInOnlyAnAdmittedWorkersIdAndToken() {
        ZapAuthenticator auth = new ZapAuthenticator(WireSecurity.TOKEN);
        WireCredential w1 = WireCredential.issue("w1-ab", WireSecurity.TOKEN, null);
        WireCredential w2 = WireCredential.issue("w2-cd", WireSecurity.TOKEN, null);
        auth.admit(w1);
        auth.admit(w2);
        ZapAuthenticator.Verdict ok = auth.decide(request("jmp", "PLAIN", b("w1-ab"), b(w1.token())));
        assertTrue(ok.allowed());
        assertEquals("w1-ab", ok.userId());
        assertFalse(auth.decide(request("jmp", "PLAIN", b("w1-ab"), b(w2.token()))).allowed(), "another worker's token");
        assertFalse(auth.decide(request("jmp", "PLAIN", b("w3-ef"), b(w1.token()))).allowed(), "unknown worker");
        assertFalse(auth.decide(request("jmp", "NULL")).allowed(), "no mechanism");
        assertFalse(auth.decide(request("other", "PLAIN", b("w1-ab"), b(w1.token()))).allowed(), "other domain");
        assertFalse(auth.decide(request("jmp", "PLAIN", b("w1-ab"))).allowed(), "no password");
        assertFalse(auth.decide(List.of(b("1.0"))).allowed(), "malformed");
        assertFalse(auth.decide(request("jmp", "CURVE", new byte[32])).allowed(), "CURVE on a token hub");
        auth.revoke("w1-ab");
        assertFalse(auth.decide(request("jmp", "PLAIN", b("w1-ab"), b(w1.token()))).allowed(), "revoked");
        assertEquals(1, auth.allowed());
        assertEquals(8, auth.refused());
    }

    @Test
    void curveHubLetsInOnlyAnAdmittedWorkersKey() {
        ZMQ.Curve.KeyPair server = ZMQ.Curve.generateKeyPair();
        ZapAuthenticator auth = new ZapAuthenticator(WireSecurity.CURVE);
        WireCredential w1 = WireCredential.issue("w1-ab", WireSecurity.CURVE, server.publicKey);
        auth.admit(w1);
        assertEquals("w1-ab", auth.decide(request("jmp", "CURVE", ZMQ.Curve.z85Decode(w1.curvePublic()))).userId());
        byte[] stranger = ZMQ.Curve.z85Decode(ZMQ.Curve.generateKeyPair().publicKey);
        assertFalse(auth.decide(request("jmp", "CURVE", stranger)).allowed(), "unknown key");
        assertFalse(auth.decide(request("jmp", "PLAIN", b("w1-ab"), b(w1.token()))).allowed(), "PLAIN on a CURVE hub");
        assertThrows(IllegalArgumentException.class,
                () -> auth.admit(WireCredential.issue("w2", WireSecurity.TOKEN, null)));
    }

    @Test
    void aRouteBelongsToAWorkerOnlyUnderItsIdAndToken() {
        ZapAuthenticator auth = new ZapAuthenticator(WireSecurity.TOKEN);
        WireCredential w1 = WireCredential.issue("w1-ab", WireSecurity.TOKEN, null);
        auth.admit(w1);
        assertEquals("w1-ab", auth.workerOf(w1.routingIdentity()));
        assertNull(auth.workerOf(b("w1-ab")), "the id alone");
        assertNull(auth.workerOf(b("w1-ab:" + "0".repeat(32))), "a guessed token");
        assertNull(auth.workerOf(b(":" + w1.token())));
        auth.revoke("w1-ab");
        assertNull(auth.workerOf(w1.routingIdentity()), "a retired worker");
        assertFalse(w1.toString().contains(w1.token()), "the token is not printed");
    }

    @Test
    void wireSecurityNamesParse() {
        assertEquals(WireSecurity.CURVE, WireSecurity.of(" Curve "));
        assertEquals(WireSecurity.TOKEN, WireSecurity.of("token"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WireSecurity.of("tls"));
        assertTrue(e.getMessage().contains("token or curve"), e.getMessage());
    }
}
