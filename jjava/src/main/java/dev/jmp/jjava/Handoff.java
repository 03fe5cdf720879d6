package dev.jmp.jjava;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values a magic hands to the notebook's JShell: the magic stores the value under a key and
 * evaluates {@code Handoff.take(key)}. Public because the notebook's snippets call it.
 */
public final class Handoff {

    private static final Map<String, Object> VALUES = new ConcurrentHashMap<>();

    private Handoff() {
    }

    static String put(Object value) {
        String key = UUID.randomUUID().toString();
        VALUES.put(key, value == null ? Handoff.class : value);
        return key;
    }

    /**
     * Takes a handed-off value (once).
     *
     * @param key the key the magic got
     * @return the value, or {@code null}
     */
    public static Object take(String key) {
        Object value = VALUES.remove(key);
        return value == Handoff.class ? null : value;
    }

    static void discard(String key) {
        VALUES.remove(key);
    }
}
