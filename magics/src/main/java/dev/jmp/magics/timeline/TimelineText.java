package dev.jmp.magics.timeline;

import java.util.ArrayList;
import java.util.List;

/** The text form of a {@link Timeline}: its summary line, then one line per worker. */
public final class TimelineText {

    private static final int MAX_LISTED = 10;

    private TimelineText() {
    }

    /**
     * Renders a timeline as text.
     *
     * @param t the timeline
     * @return for example {@code w1 (pid 42): 5 items, busy 0.810 s from 0.020 s to 0.950 s}, lines ending with newlines
     */
    public static String render(Timeline t) {
        boolean pool = t.kind().equals("%%pool");
        StringBuilder b = new StringBuilder(TimelineSvg.summaryLine(t)).append('\n');
        for (Timeline.Row row : t.rows()) {
            Timeline.Tally rest = row.rest();
            long busy = rest.busyMicros();
            long first = rest.items() > 0 ? rest.firstMicros() : Long.MAX_VALUE;
            long last = rest.lastMicros();
            long failedCount = rest.failed();
            List<String> failed = new ArrayList<>();
            for (Timeline.Bar bar : row.bars()) {
                busy += bar.endMicros() - bar.startMicros();
                first = Math.min(first, bar.startMicros());
                last = Math.max(last, bar.endMicros());
                if (bar.state() == Timeline.State.FAILED) {
                    failed.add(bar.label());
                    failedCount++;
                }
            }
            failed.addAll(rest.failedLabels());
            long n = row.items();
            b.append("  ").append(row.label()).append(": ");
            if (pool) {
                b.append(n).append(n == 1 ? " item" : " items").append(", busy ").append(Timeline.seconds(busy));
            } else {
                b.append(n == 1 && row.bars().size() == 1 ? row.bars().get(0).tooltip()
                        : n + " processes, " + Timeline.seconds(busy));
            }
            if (n > 0 && pool) {
                b.append(" from ").append(Timeline.seconds(first)).append(" to ").append(Timeline.seconds(last));
            }
            if (failedCount > 0 && pool) {
                b.append("; failed: ").append(String.join(", ", failed.subList(0, Math.min(MAX_LISTED, failed.size()))));
                if (failedCount > MAX_LISTED) {
                    b.append(", ... (").append(failedCount).append(" failed)");
                }
            }
            b.append('\n');
        }
        if (t.bars() > Math.min(t.drawable(), TimelineSvg.MAX_BARS)) {
            b.append("(the chart draws ").append(Math.min(t.drawable(), TimelineSvg.MAX_BARS)).append(" of the ")
                    .append(t.bars()).append(" bars)\n");
        }
        return b.toString();
    }
}
