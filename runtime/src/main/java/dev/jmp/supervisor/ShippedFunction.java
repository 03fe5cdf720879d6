package dev.jmp.supervisor;

import dev.jmp.serial.Values;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A task function serialized once for a whole job, with a content key by which workers cache it.
 *
 * @param key   a hash of the bytes
 * @param bytes the serialized function
 */
public record ShippedFunction(String key, byte[] bytes) {

    /**
     * Serializes a function.
     *
     * @param rootName what to call it in errors ({@code task})
     * @throws dev.jmp.SerializationException naming the field path if it cannot be serialized
     */
    public static ShippedFunction of(Object fn, String rootName) {
        byte[] b = Values.encode(fn, rootName);
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(b);
            return new ShippedFunction(HexFormat.of().formatHex(h, 0, 16), b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
