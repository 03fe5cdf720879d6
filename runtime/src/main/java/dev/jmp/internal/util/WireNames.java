package dev.jmp.internal.util;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Looks up the constants of a protocol's operation enum by their names on the wire. */
public final class WireNames {

    private WireNames() {
    }

    /**
     * Indexes an enum's constants by wire name.
     *
     * @param values the constants
     * @param wire   each constant's wire name
     * @return constant by wire name
     * @throws IllegalStateException if two constants share a name
     */
    public static <E extends Enum<E>> Map<String, E> index(E[] values, Function<E, String> wire) {
        Map<String, E> byWire = new HashMap<>();
        for (E e : values) {
            if (byWire.put(wire.apply(e), e) != null) {
                throw new IllegalStateException("two operations are named " + wire.apply(e) + " on the wire");
            }
        }
        return Map.copyOf(byWire);
    }
}
