package dev.jmp.internal.supervisor;

import dev.jmp.internal.worker.FunctionCache;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parent's copy of one worker's {@link FunctionCache} keys, updated in the same order as the
 * worker updates its cache, so the parent knows when it may leave a function's bytes out.
 */
final class FunctionMirror {

    private final Map<String, Boolean> lru = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > FunctionCache.CAPACITY;
        }
    };

    /** Records one use; returns whether the bytes must be sent. Call in send order. */
    boolean needsBytes(String key) {
        if (lru.get(key) != null) {
            return false;
        }
        lru.put(key, Boolean.TRUE);
        return true;
    }
}
