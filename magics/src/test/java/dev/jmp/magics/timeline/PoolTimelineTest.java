package dev.jmp.magics.timeline;

import dev.jmp.spi.ItemTiming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class PoolTimelineTest {

    @Test
    void aHugeRunKeepsOnlyTheBarsTheChartDrawsAndCountsTheRestPerWorker() {
        PoolTimeline timeline = new PoolTimeline("pool-1");
        long now = ItemTiming.nowMicros();
        int n = TimelineSvg.MAX_BARS * 3 + 7;
        for (int i = 0; i < n; i++) {
            // Items 999, 1999, ... fail; they all run on w3 (999 = 3 mod 4).
            timeline.item(i, new ItemTiming("pool-1-w" + i % 4, 100 + i % 4, now + i, now + i + 10, 1),
                    i % 1000 == 999 ? "boom" : null);
        }
        timeline.end();
        Timeline t = timeline.snapshot();

        int kept = t.rows().stream().mapToInt(r -> r.bars().size()).sum();
        assertEquals(TimelineSvg.MAX_BARS, kept, "bars kept in detail");
        assertEquals(n, t.bars(), "every item is counted");
        assertEquals(30, t.count(Timeline.State.FAILED));
        assertEquals(n - 30, t.count(Timeline.State.OK));
        assertEquals(java.util.List.of("w0 (pid 100)", "w1 (pid 101)", "w2 (pid 102)", "w3 (pid 103)"),
                TimelineSvg.labels(t));

        String text = TimelineText.render(t);
        assertTrue(text.startsWith("pool-1 (%%pool): 30007 items on 4 workers"), text);
        assertTrue(text.contains("w0 (pid 100): 7502 items, busy 0.075 s"), text);
        assertTrue(text.contains("w3 (pid 103): 7501 items, busy 0.075 s"), text);
        assertTrue(text.contains("; failed: item 999, item 1999, item 2999"), text);
        assertTrue(text.contains("item 9999, ... (30 failed)\n"), text);
        assertTrue(text.contains("(the chart draws 10000 of the 30007 bars)"), text);
        String svg = TimelineSvg.render(t, 800);
        assertEquals(TimelineSvg.MAX_BARS, svg.split("<rect class=\"bar ", -1).length - 1);
    }

    @Test
    void aSmallRunKeepsEveryBar() {
        PoolTimeline timeline = new PoolTimeline("pool-2");
        long now = ItemTiming.nowMicros();
        timeline.item(0, new ItemTiming("pool-2-w1", 7, now, now + 500, 1), null);
        timeline.item(1, new ItemTiming("pool-2-w1", 7, now + 500, now + 900, 1), "IllegalStateException: x");
        Timeline t = timeline.snapshot();
        assertEquals(2, t.rows().get(0).bars().size());
        assertEquals(0, t.rows().get(0).rest().items());
        String text = TimelineText.render(t);
        assertTrue(text.contains("w1 (pid 7): 2 items, busy 0.001 s"), text);
        assertTrue(text.contains("; failed: item 1\n"), text);
    }

    @Test
    void aRemoteWorkersRowNamesItsHostAndALocalOneDoesNot() {
        PoolTimeline timeline = new PoolTimeline("pool-3");
        long now = ItemTiming.nowMicros();
        timeline.item(0, new ItemTiming("pool-3-w1", 7, now, now + 500, 1, "node1"), null);
        timeline.item(1, new ItemTiming("pool-3-w2", 8, now, now + 500, 1), null);
        String text = TimelineText.render(timeline.snapshot());
        assertTrue(text.contains("w1@node1 (pid 7): 1 item,"), text);
        assertTrue(text.contains("w2 (pid 8): 1 item,"), text);
    }
}
