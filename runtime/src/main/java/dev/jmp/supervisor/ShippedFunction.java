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
        // A function without state (a lambda that captures nothing) serializes the same every
        // time: serialize it once per class instead of on every apply.
        boolean stateless = fn != null && hasNoState(fn.getClass());
        if (stateless) {
            ShippedFunction cached = STATELESS.get(fn.getClass());
            if (cached != null) {
                return cached;
            }
        }
        ShippedFunction shipped = serialize(fn, rootName);
        if (stateless) {
            STATELESS.put(fn.getClass(), shipped);
        }
        return shipped;
    }

    private static final java.util.Map<Class<?>, ShippedFunction> STATELESS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static boolean hasNoState(Class<?> c) {
        if (!c.isSynthetic()) {
            return false;
        }
        for (java.lang.reflect.Field f : c.getDeclaredFields()) {
            if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static ShippedFunction serialize(Object fn, String rootName) {
        byte[] b = Values.encode(fn, rootName);
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(b);
            return new ShippedFunction(HexFormat.of().formatHex(h, 0, 16), b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
