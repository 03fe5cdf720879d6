package dev.jmp.kernel.jshell;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands a value made outside JShell (by a magic) to a snippet that declares a notebook variable
 * for it. The kernel puts the value here under a fresh key and evaluates
 * {@code Type name = (Type) dev.jmp.kernel.jshell.Handoff.take("key");}. Public only because that
 * snippet must see it; not an API for notebooks.
 */
public final class Handoff {

    private static final Map<String, Object> WAITING = new ConcurrentHashMap<>();

    private Handoff() {
    }

    /**
     * Parks a value (for the kernel, not for notebooks).
     *
     * @param value the value
     * @return the key that {@link #take} returns it for, once
     */
    public static String put(Object value) {
        String key = UUID.randomUUID().toString();
        WAITING.put(key, new Object[] {value});
        return key;
    }

    /**
     * Takes a parked value.
     *
     * @param key the key {@link #put} returned
     * @return the value
     * @throws IllegalStateException if nothing is parked under the key (it was taken already)
     */
    public static Object take(String key) {
        Object[] box = (Object[]) WAITING.remove(key);
        if (box == null) {
            throw new IllegalStateException("no value waits under " + key);
        }
        return box[0];
    }

    /**
     * Drops a value that was never taken (the declaring snippet failed to compile; for the kernel).
     *
     * @param key the key
     */
    public static void discard(String key) {
        WAITING.remove(key);
    }
}
