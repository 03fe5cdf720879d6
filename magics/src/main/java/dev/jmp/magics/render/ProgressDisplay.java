package dev.jmp.magics.render;

import dev.jmp.magics.CellOutput;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A live progress display: one output in the cell, replaced in place (by display id) at most
 * {@value #MAX_UPDATES_PER_SECOND} times a second with done/total, rate, ETA and failures; an
 * HTML bar for notebooks and one line of text for consoles and nbconvert. The final state is
 * always published.
 */
public final class ProgressDisplay implements AutoCloseable {

    /** The most updates a second. */
    public static final int MAX_UPDATES_PER_SECOND = 10;

    private final CellOutput cell;
    private final String title;
    private final String id = UUID.randomUUID().toString();
    private final long startNanos = System.nanoTime();
    private final ScheduledFuture<?> tick;
    private final long total;
    private long done;
    private long failed;
    private boolean dirty;
    private boolean closed;
    private String state = "running";

    /**
     * Shows the display.
     *
     * @param cell  the cell
     * @param title what progresses, for example {@code pool-2}
     * @param total how many items, or -1 when unknown (an open-ended source: no percentage or ETA)
     */
    public ProgressDisplay(CellOutput cell, String title, long total) {
        this.cell = cell;
        this.title = title;
        this.total = total;
        cell.display(id, bundle());
        this.tick = RenderClock.TIMER.scheduleAtFixedRate(this::publishIfChanged, 1000 / MAX_UPDATES_PER_SECOND,
                1000 / MAX_UPDATES_PER_SECOND, TimeUnit.MILLISECONDS);
    }

    /**
     * Counts finished items.
     *
     * @param ok     items that succeeded
     * @param failures items that failed
     */
    public synchronized void advance(long ok, long failures) {
        done += ok + failures;
        failed += failures;
        dirty = true;
    }

    private synchronized void publishIfChanged() {
        if (dirty && !closed) {
            dirty = false;
            cell.updateDisplay(id, bundle());
        }
    }

    /**
     * Publishes the final state and stops updating.
     *
     * @param finalState for example {@code done}, {@code stopped}, {@code interrupted}
     */
    public synchronized void finish(String finalState) {
        if (closed) {
            return;
        }
        state = finalState;
        closed = true;
        tick.cancel(false);
        cell.updateDisplay(id, bundle());
    }

    @Override
    public void close() {
        finish("done");
    }

    /**
     * The display's id.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The current text form.
     *
     * @return one line
     */
    public synchronized String text() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder out = new StringBuilder(title).append(": ").append(done);
        if (total >= 0) {
            out.append('/').append(total).append(" (").append(total == 0 ? 100 : done * 100 / total).append("%)");
        } else {
            out.append(" done");
        }
        out.append(String.format(Locale.ROOT, ", %.1f items/s", rate));
        if (state.equals("running") && done < total && rate > 0) { // never for an unknown total
            out.append(String.format(Locale.ROOT, ", ETA %.1f s", (total - done) / rate));
        } else {
            out.append(String.format(Locale.ROOT, ", %.2f s", seconds));
        }
        out.append(", ").append(failed).append(" failed");
        if (!state.equals("running")) {
            out.append(" - ").append(state);
        }
        return out.toString();
    }

    private Map<String, String> bundle() {
        String text = text();
        long percent = total < 0 ? (state.equals("running") ? 0 : 100) : total == 0 ? 100 : done * 100 / total;
        String color = failed > 0 ? "#d9534f" : "#5cb85c";
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", "<div class=\"jmp-progress\"><div style=\"width:24em;background:#eee;"
                + "border-radius:3px\"><div style=\"width:" + percent + "%;background:" + color
                + ";height:0.8em;border-radius:3px\"></div></div><code>" + Markup.escape(text) + "</code></div>");
        bundle.put("text/plain", text);
        return bundle;
    }
}
