package dev.jmp.internal.worker;

import dev.jmp.internal.serial.Values;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The worker's cache of task functions by content key, so a map of 10,000 items ships its
 * function once. The parent mirrors this cache (same capacity, same order of use, in message
 * order) to know when it may omit a function's bytes.
 */
public final class FunctionCache {

    /** Number of functions kept, on both sides. */
    public static final int CAPACITY = 256;

    private final Map<String, Entry> lru = new LinkedHashMap<>(16, 0.75f, true) {
        // FunctionCache.Entry, not Entry: inside this LinkedHashMap subclass javac 25 binds the
        // simple name to the inherited member type Map.Entry.
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FunctionCache.Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    /** A cached function: its bytes, decoded once on first use. */
    public static final class Entry {
        private final byte[] bytes;
        private Object decoded;
        private boolean isDecoded;

        Entry(byte[] bytes) {
            this.bytes = bytes;
        }

        /** Returns the function, decoding it with {@code loader} the first time. */
        public synchronized Object get(ClassLoader loader) {
            if (!isDecoded) {
                decoded = Values.decode(bytes, loader);
                isDecoded = true;
            }
            return decoded;
        }
    }

    /**
     * Records one use in message order: stores {@code bytes} under {@code key} when given,
     * otherwise looks the key up.
     *
     * @return the entry, or {@code null} if the key is unknown and no bytes came
     */
    public synchronized Entry touch(String key, byte[] bytes) {
        if (bytes != null) {
            Entry e = new Entry(bytes);
            lru.put(key, e);
            return e;
        }
        return lru.get(key);
    }
}
