package dev.jmp.internal.supervisor;

import dev.jmp.error.SerializationException;
import dev.jmp.spi.TaskPreparers;
import dev.jmp.internal.serial.Values;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A task function serialized once for a whole job, with a content key by which workers cache it.
 *
 * @param key   a hash of the bytes
 * @param bytes the serialized function
 */
public record ShippedFunction(String key, byte[] bytes) {

    private static final Map<Class<?>, ShippedFunction> STATELESS = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Serializes a function.
     *
     * The {@link TaskPreparers} run first, in the calling thread: their payloads (the kernel's
     * snapshot of notebook variables) travel with the function.
     *
     * @param rootName what to call it in errors ({@code task})
     * @throws dev.jmp.error.SerializationException naming the field path if it cannot be serialized
     * @throws RuntimeException               what a preparer threw to refuse the dispatch
     */
    public static ShippedFunction of(Object fn, String rootName) {
        Object shipped = TaskPreparers.prepare(fn);
        // A function without state (a lambda that captures nothing) that no preparer wrapped
        // serializes the same every time: serialize it once per class instead of on every apply.
        // A wrapped one carries a snapshot taken now, so it is never cached.
        boolean stateless = shipped == fn && fn != null && hasNoState(fn.getClass());
        if (stateless) {
            ShippedFunction cached = STATELESS.get(fn.getClass());
            if (cached != null) {
                return cached;
            }
        }
        ShippedFunction result = serialize(shipped, fn, rootName);
        if (stateless) {
            STATELESS.put(fn.getClass(), result);
        }
        return result;
    }

    /**
     * Serializes one of the runtime's own functions (CDS training, warm-up): no preparer sees it,
     * since it reads no notebook state, and a preparer installed by a user must see only the
     * tasks that user dispatched.
     */
    static ShippedFunction ofRuntime(Object fn, String rootName) {
        return serialize(fn, fn, rootName);
    }

    private static boolean hasNoState(Class<?> c) {
        if (!c.isSynthetic()) {
            return false;
        }
        for (Field f : c.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static ShippedFunction serialize(Object shipped, Object fn, String rootName) {
        byte[] b;
        try {
            b = Values.encode(shipped, rootName);
        } catch (SerializationException e) {
            if (shipped != fn) {
                Values.encode(fn, rootName); // names the culprit by its path from the task, not from the wrapper
            }
            throw e;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(b);
            return new ShippedFunction(HexFormat.of().formatHex(h, 0, 16), b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
