package dev.jmp.magics.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class LineStreamerTest {

    @Test
    void batchesWholeLinesAndKeepsOrderAcrossStreams() {
        RecordingCell cell = new RecordingCell();
        try (LineStreamer s = new LineStreamer(cell)) {
            s.line("[w0] ", false, "a");
            s.line("[w1] ", false, "b");
            s.line("[w0] ", true, "oops");
            s.line("[w1] ", false, "c");
        }
        assertEquals(List.of("stdout|[w0] a\n[w1] b\n", "stderr|[w0] oops\n", "stdout|[w1] c\n"), cell.published);
    }

    @Test
    void flushesOnItsOwnWithinAFewTicks() throws InterruptedException {
        RecordingCell cell = new RecordingCell();
        try (LineStreamer s = new LineStreamer(cell)) {
            s.line("", false, "live");
            long deadline = System.currentTimeMillis() + 60_000;
            while (cell.published.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(List.of("stdout|live\n"), cell.published, "published by the timer, before close");
        }
    }

    @Test
    void largeBatchesArePublishedAtOnceAndLinesAfterCloseAreDropped() {
        RecordingCell cell = new RecordingCell();
        LineStreamer s = new LineStreamer(cell);
        String line = "x".repeat(1000);
        for (int i = 0; i < 40; i++) {
            s.line("", false, line);
        }
        assertTrue(cell.published.size() >= 1, "a 32 KB batch does not wait for the timer");
        s.close();
        int before = cell.published.size();
        s.line("", false, "late");
        s.flush();
        assertEquals(before, cell.published.size());
        assertEquals(40 * 1001, cell.published.stream().mapToInt(p -> p.length() - "stdout|".length()).sum());
    }
}
