package dev.jmp.internal.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jmp.spi.TraceFormat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RecursionTrim}: the recursion once, a marker with the count, the frames around it kept. */
class RecursionTrimTest {

    private static StackTraceElement f(String method) {
        return new StackTraceElement("a.B", method, "B.java", method.length());
    }

    @Test
    void aCycleOfThreeCallsIsKeptOnceBetweenWhatIsAboveAndBelowIt() {
        List<StackTraceElement> frames = new ArrayList<>(List.of(f("top"), f("concat")));
        for (int i = 0; i < 50; i++) {
            frames.addAll(List.of(f("even"), f("odd"), f("dispatch")));
        }
        frames.addAll(List.of(f("main"), f("start")));
        StackTraceElement[] out = RecursionTrim.trim(frames.toArray(new StackTraceElement[0]));
        assertArrayEquals(new StackTraceElement[] {f("top"), f("concat"), f("even"), f("odd"), f("dispatch"),
            TraceFormat.recursionOmitted(147), f("main"), f("start")}, out);
        assertEquals("... 147 more frames of the same recursion", TraceFormat.omittedFrames(out[5]));
        assertSame(out, RecursionTrim.trim(out), "a trimmed trace stays as it is");
    }

    @Test
    void aLongTraceWithoutRecursionIsUntouched() {
        StackTraceElement[] frames = new StackTraceElement[200];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = f("m" + i);
        }
        assertSame(frames, RecursionTrim.trim(frames));
    }
}
