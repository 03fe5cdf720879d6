package dev.jmp;

import java.time.Duration;

/** Checks of timeouts given to the public API. */
final class Durations {

    private Durations() {
    }

    static Duration check(Duration d) {
        if (d == null) {
            throw new IllegalArgumentException("a timeout must not be null");
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("a timeout must not be negative: " + d);
        }
        return d;
    }
}
