package dev.jmp.internal.wire;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies the frames of one message with HMAC-SHA256. Each frame enters the MAC
 * behind its 4-byte length, so moving bytes between frames changes the signature. Not
 * thread-safe: each endpoint's I/O thread owns one.
 */
public final class FrameSigner {

    /** Length of a signature frame in bytes. */
    public static final int SIGNATURE_LENGTH = 32;
    private final Mac mac;
    private final byte[] lengthBuf = new byte[4];

    /** Creates a signer for a key. */
    public FrameSigner(WireKey key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Returns the signature over {@code frames[from..]}. */
    public byte[] sign(List<byte[]> frames, int from) {
        for (int i = from; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            updateLength(f.length);
            mac.update(f);
        }
        return mac.doFinal();
    }

    /**
     * Returns the signature over {@code frames[from..]}, each frame its buffer's remaining
     * bytes (the same signature as {@link #sign} over those bytes as arrays; positions are kept).
     */
    public byte[] signBuffers(List<ByteBuffer> frames, int from) {
        for (int i = from; i < frames.size(); i++) {
            ByteBuffer f = frames.get(i);
            updateLength(f.remaining());
            mac.update(f.duplicate());
        }
        return mac.doFinal();
    }

    private void updateLength(int n) {
        lengthBuf[0] = (byte) (n >>> 24);
        lengthBuf[1] = (byte) (n >>> 16);
        lengthBuf[2] = (byte) (n >>> 8);
        lengthBuf[3] = (byte) n;
        mac.update(lengthBuf);
    }

    /** Tells whether {@code signature} is the signature over {@code frames[from..]}. */
    public boolean verify(byte[] signature, List<byte[]> frames, int from) {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        return MessageDigest.isEqual(signature, sign(frames, from));
    }
}
