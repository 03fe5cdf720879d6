package dev.jmp.internal.wire;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The random per-runtime secret that signs every frame. It reaches workers on their standard
 * input, never on their command line, so other users cannot read it from the process table.
 */
public final class WireKey {

    private static final int LENGTH = 32;
    private final byte[] bytes;

    private WireKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Returns a fresh key from a strong random source. */
    public static WireKey random() {
        byte[] b = new byte[LENGTH];
        new SecureRandom().nextBytes(b);
        return new WireKey(b);
    }

    /**
     * Parses a key written by {@link #toHex()}.
     *
     * @throws IllegalArgumentException if the text is not 64 hex digits
     */
    public static WireKey fromHex(String hex) {
        if (hex == null || hex.length() != LENGTH * 2) {
            throw new IllegalArgumentException("a wire key is " + LENGTH * 2 + " hex digits");
        }
        return new WireKey(HexFormat.of().parseHex(hex));
    }

    /** Returns the key as hex, for the worker bootstrap. */
    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "WireKey[hidden]";
    }
}
