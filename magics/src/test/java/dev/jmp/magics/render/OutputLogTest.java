package dev.jmp.magics.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class OutputLogTest {

    @Test
    void replaysInOrderOrGroupedByWorker() {
        OutputLog log = new OutputLog();
        log.add(new OutputLog.Line(1, "[w1] ", false, "b1"));
        log.add(new OutputLog.Line(0, "[w0] ", false, "a1"));
        log.add(new OutputLog.Line(1, "[w1] ", false, "b2"));
        log.add(new OutputLog.Line(0, "[w0] ", false, "a2"));
        RecordingCell ordered = new RecordingCell();
        try (LineStreamer s = new LineStreamer(ordered)) {
            log.replay(s, false);
        }
        assertEquals(List.of("stdout|[w1] b1\n[w0] a1\n[w1] b2\n[w0] a2\n"), ordered.published);
        RecordingCell grouped = new RecordingCell();
        try (LineStreamer s = new LineStreamer(grouped)) {
            log.replay(s, true);
        }
        assertEquals(List.of("stdout|[w0] a1\n[w0] a2\n[w1] b1\n[w1] b2\n"), grouped.published);
    }

    @Test
    void keepsAtMostMaxLinesAndSaysHowManyWereDropped() {
        OutputLog log = new OutputLog();
        for (int i = 0; i < OutputLog.MAX_LINES + 3; i++) {
            log.add(new OutputLog.Line(0, "[w0] ", false, "l" + i));
        }
        assertEquals(OutputLog.MAX_LINES, log.inOrder().size());
        RecordingCell cell = new RecordingCell();
        try (LineStreamer s = new LineStreamer(cell)) {
            log.replay(s, false);
        }
        String last = cell.published.get(cell.published.size() - 1);
        assertTrue(last.equals("stderr|[w0] ... 3 more lines not kept (a run keeps at most 20000)\n"), last);
    }
}
