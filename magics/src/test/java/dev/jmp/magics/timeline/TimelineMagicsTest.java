package dev.jmp.magics.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.spi.ItemTiming;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.render.RecordingCell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(300)
class TimelineMagicsTest {

    @TempDir
    Path dir;

    private final Timelines timelines = new Timelines();
    private final RecordingCell cell = new RecordingCell();
    private final TimelineMagics magic = new TimelineMagics(timelines, () -> cell, null);

    private TimelineMagics magicIn(Path wd) {
        return new TimelineMagics(timelines, () -> cell, wd);
    }

    @Test
    void beforeAnyRunItSaysSo() throws Exception {
        magic.timeline(List.of());
        assertEquals(List.of("stdout|No %%pool or %%spawn run yet: %timeline charts the last one. "
                + "Run a %%pool or %%spawn cell, then %timeline.\n"), cell.published);
        MagicException e = assertThrows(MagicException.class, () -> magic.timeline(List.of("pool-1")));
        assertEquals("%timeline: no run named pool-1 (no %%pool or %%spawn run yet)", e.getMessage());
    }

    @Test
    void chartsTheLastRunOrANamedOneAndWritesTheFile() throws Exception {
        PoolTimeline first = new PoolTimeline("pool-1");
        PoolTimeline second = new PoolTimeline("pool-2");
        long now = ItemTiming.nowMicros() + 1000;
        first.item(0, new ItemTiming("pool-1-w1", 42, now, now + 1000, 1), null);
        first.end();
        timelines.started("pool-1", first::snapshot);
        second.item(0, new ItemTiming("pool-2-w1", 43, now, now + 2000, 1), "boom");
        second.item(1, null, "cancelled before it ran");
        timelines.started("pool-2", second::snapshot);
        magicIn(dir).timeline(List.of("--out", "chart.svg"));
        String shown = cell.published.get(0);
        assertTrue(shown.contains("|pool-2 (%%pool): 1 item on 1 worker, ") && shown.contains(", 1 failed (still running)\n"
                + "  w1 (pid 43): 1 item, busy 0.002 s"), shown);
        assertTrue(shown.endsWith("Wrote the chart to " + dir.resolve("chart.svg") + "\n"), shown);
        assertTrue(Files.readString(dir.resolve("chart.svg")).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        magic.timeline(List.of("pool-1"));
        assertTrue(cell.published.get(1).contains("|pool-1 (%%pool): 1 item on 1 worker, "), cell.published.get(1));
        MagicException e = assertThrows(MagicException.class, () -> magic.timeline(List.of("pool-3")));
        assertEquals("%timeline: no run named pool-3; recent runs: pool-1, pool-2", e.getMessage());
    }

    @Test
    void badOptionsAreNamed() {
        MagicException e = assertThrows(MagicException.class, () -> magic.timeline(List.of("--width", "50")));
        assertTrue(e.getMessage().startsWith("%timeline: option --width must be between 200 and 4000 (got 50)"),
                e.getMessage());
        e = assertThrows(MagicException.class, () -> magic.timeline(List.of("--height", "5")));
        assertTrue(e.getMessage().startsWith("%timeline: unknown option --height. Usage: %timeline [NAME]"),
                e.getMessage());
        e = assertThrows(MagicException.class, () -> magic.timeline(List.of("a", "b")));
        assertEquals("%timeline takes at most one run name, got: a b", e.getMessage());
    }

    @Test
    void onlyTheLastRunsAreKept() {
        for (int i = 0; i < Timelines.KEEP + 5; i++) {
            String name = "pool-" + i;
            timelines.started(name, () -> new Timeline(name, "%%pool", 0, List.of(), false));
        }
        assertEquals(Timelines.KEEP, timelines.names().size());
        assertEquals("pool-5", timelines.names().get(0));
        assertEquals("pool-" + (Timelines.KEEP + 4), timelines.last().orElseThrow().run());
    }
}
