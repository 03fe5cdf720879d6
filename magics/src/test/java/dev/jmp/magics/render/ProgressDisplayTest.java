package dev.jmp.magics.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class ProgressDisplayTest {

    @Test
    void updatesInPlaceAtMostTenTimesASecondAndAlwaysShowsTheEnd() throws InterruptedException {
        RecordingCell cell = new RecordingCell();
        ProgressDisplay progress = new ProgressDisplay(cell, "job", 1000);
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            progress.advance(1, i % 100 == 0 ? 1 : 0);
            Thread.sleep(1);
        }
        progress.finish("done");
        double seconds = (System.nanoTime() - start) / 1e9;
        long updates = cell.published.stream().filter(p -> p.startsWith("update|")).count();
        assertTrue(cell.published.get(0).startsWith("display|" + progress.id() + "|job: 0/1000 (0%)"), cell.published.get(0));
        assertTrue(updates <= seconds * ProgressDisplay.MAX_UPDATES_PER_SECOND + 2, updates + " updates in " + seconds + " s");
        assertTrue(updates >= 2, "updated while running: " + cell.published);
        String last = cell.published.get(cell.published.size() - 1);
        assertTrue(last.startsWith("update|" + progress.id() + "|job: 1010/1000") || last.contains("1000/1000"), last);
        assertTrue(cell.published.stream().allMatch(p -> p.contains(progress.id())));
        int before = cell.published.size();
        progress.advance(1, 0);
        progress.finish("again");
        Thread.sleep(250);
        assertEquals(before, cell.published.size(), "nothing after the end");
    }

    @Test
    void textSaysDoneRateAndFailures() {
        RecordingCell cell = new RecordingCell();
        ProgressDisplay progress = new ProgressDisplay(cell, "pool-1", 4);
        progress.advance(3, 1);
        progress.finish("done");
        assertTrue(progress.text().matches("pool-1: 4/4 \\(100%\\), [0-9.]+ items/s, [0-9.]+ s, 1 failed - done"),
                progress.text());
    }

    /** Issue 11 item 9: an open-ended --over has no total: a count, no percentage or ETA. */
    @Test
    void anUnknownTotalShowsACount() {
        RecordingCell cell = new RecordingCell();
        ProgressDisplay progress = new ProgressDisplay(cell, "pool-2", -1);
        progress.advance(5, 0);
        assertTrue(progress.text().matches("pool-2: 5 done, [0-9.]+ items/s, [0-9.]+ s, 0 failed"), progress.text());
        progress.finish("stopped by --timeout");
        assertTrue(progress.text().endsWith(" - stopped by --timeout"), progress.text());
    }
}
