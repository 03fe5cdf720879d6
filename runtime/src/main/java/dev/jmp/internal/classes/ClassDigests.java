package dev.jmp.internal.classes;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Names class bytes by content for the class cache a host's workers share: a worker that keeps
 * one asks for a class digest-first, and the parent answers a class of at least
 * {@link #MIN_BYTES} with its SHA-256 instead of the bytes, which the worker then asks for only
 * if no worker of its host fetched them before. Smaller classes come at once (a second round trip
 * would cost more than their bytes).
 */
public final class ClassDigests {

    /** The smallest class (or resource) the parent answers with a digest. */
    public static final int MIN_BYTES = 1024;
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    private ClassDigests() {
    }

    /** The SHA-256 of {@code bytes}, 64 lowercase hex digits. */
    public static String of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** Whether {@code s} is a digest as {@link #of} makes them (a peer's value is checked before use as a file name). */
    public static boolean isDigest(String s) {
        return s != null && DIGEST.matcher(s).matches();
    }
}
