package dev.jmp.internal.serial;

import dev.jmp.spi.TraceFormat;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Trims the recursion out of a long stack trace: a {@link StackOverflowError} carries a thousand
 * frames of the same few calls. What is kept is the frames above the recursion, the recursion's
 * calls once, a {@link TraceFormat#recursionOmitted marker} that says how many frames repeat them,
 * and the frames below it (if the trace reaches that far), as Python prints "[Previous line
 * repeated 996 more times]".
 */
public final class RecursionTrim {

    private static final int MIN_FRAMES = 100;
    private static final int MAX_PERIOD = 32;
    private static final int MAX_START = 64;
    private static final int MIN_REPEATS = 4;

    private RecursionTrim() {
    }

    /**
     * Trims a trace.
     *
     * @param f the frames, top first
     * @return the trimmed frames, or {@code f} itself when it holds no long recursion
     */
    public static StackTraceElement[] trim(StackTraceElement[] f) {
        if (f.length < MIN_FRAMES) {
            return f;
        }
        int bestStart = -1;
        int bestPeriod = 0;
        int bestRun = 0;
        // run[i]: how many frames from i on equal the frame one period deeper, in a row
        int[] run = new int[f.length + 1];
        for (int p = 1; p <= MAX_PERIOD && p < f.length; p++) {
            run[f.length - p] = 0;
            for (int i = f.length - p - 1; i >= 0; i--) {
                run[i] = f[i].equals(f[i + p]) ? run[i + 1] + 1 : 0;
            }
            for (int s = 0; s < Math.min(MAX_START, f.length - p); s++) {
                if (run[s] >= p * MIN_REPEATS) {
                    if (run[s] > bestRun) {
                        bestRun = run[s];
                        bestStart = s;
                        bestPeriod = p;
                    }
                    break;
                }
            }
        }
        if (bestStart < 0) {
            return f;
        }
        int keep = bestStart + bestPeriod;
        int tail = keep + bestRun;
        StackTraceElement[] out = Arrays.copyOf(f, keep + 1 + f.length - tail);
        out[keep] = TraceFormat.recursionOmitted(bestRun);
        System.arraycopy(f, tail, out, keep + 1, f.length - tail);
        return out;
    }

    /**
     * Trims the traces of an exception, its causes and suppressed exceptions in place (before it
     * is printed in a worker: a thousand-line report helps nobody).
     *
     * @param t the exception
     */
    public static void trimInPlace(Throwable t) {
        trimInPlace(t, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void trimInPlace(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        StackTraceElement[] frames = t.getStackTrace();
        StackTraceElement[] trimmed = trim(frames);
        if (trimmed != frames) {
            t.setStackTrace(trimmed);
        }
        for (Throwable s : t.getSuppressed()) {
            trimInPlace(s, seen);
        }
        trimInPlace(t.getCause(), seen);
    }
}
