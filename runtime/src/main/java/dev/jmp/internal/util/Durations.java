package dev.jmp.internal.util;

import java.time.Duration;

/** Checks of timeouts given to the public API. */
public final class Durations {

    private Durations() {
    }

    /**
     * @param d a timeout from a caller
     * @return {@code d}
     * @throws IllegalArgumentException if it is null or negative
     */
    public static Duration check(Duration d) {
        if (d == null) {
            throw new IllegalArgumentException("a timeout must not be null");
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("a timeout must not be negative: " + d);
        }
        return d;
    }
}
