package dev.jmp.jjava;

import dev.jmp.spi.ClassSource;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytes of the notebook's classes, read from the map the host's JShell loader delegate fills.
 *
 * <p>JJava drops a class from that map when a later cell replaces its snippet, but a value made
 * by the old class (a lambda held in a variable, a record in a list) may still travel to a
 * worker: every class seen once is kept here.
 */
final class RecordedClasses implements ClassSource {

    private final Map<String, byte[]> live;
    private final Map<String, byte[]> kept = new ConcurrentHashMap<>();

    RecordedClasses(Map<String, byte[]> live) {
        this.live = live;
    }

    @Override
    public byte[] classBytes(String binaryName) {
        byte[] bytes = live.get(binaryName);
        if (bytes != null) {
            kept.put(binaryName, bytes);
            return bytes;
        }
        return kept.get(binaryName);
    }

    /** Every class name seen so far, the live ones included (which are then kept). */
    Set<String> names() {
        kept.putAll(live);
        return new TreeSet<>(kept.keySet());
    }
}
