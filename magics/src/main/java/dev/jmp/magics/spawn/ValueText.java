package dev.jmp.magics.spawn;

import dev.jmp.magics.render.ValueSummary;

/** The short, one-line rendering of a returned value in a spawn's summary table. */
final class ValueText {

    static final int MAX = 80;

    private ValueText() {
    }

    /**
     * Renders a value: strings quoted, arrays by element, everything on one line, at most
     * {@value #MAX} characters, reading no more of the value than that (a 300 MB array costs
     * as little as a short one).
     */
    static String of(Object value) {
        return ValueSummary.quoted(value, MAX);
    }
}
