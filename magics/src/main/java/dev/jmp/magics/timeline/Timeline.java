package dev.jmp.magics.timeline;

import java.util.List;
import java.util.Locale;

/**
 * What one run did over time: a row per worker, a bar per item or process. Times are
 * microseconds since the run started.
 *
 * @param run      the run's name, for example {@code pool-3}
 * @param kind     {@code %%pool} or {@code %%spawn}
 * @param micros   how long the run took (or has taken, while it runs)
 * @param rows     one per worker, in display order
 * @param running  whether the run was still going when this was taken
 */
public record Timeline(String run, String kind, long micros, List<Row> rows, boolean running) {

    /** Copies the rows. */
    public Timeline {
        rows = List.copyOf(rows);
    }

    /** How a bar ended. */
    public enum State {
        /** finished with a value (exit code 0 for a process) */
        OK,
        /** threw, or its process failed or was killed */
        FAILED,
        /** still running when the timeline was taken */
        RUNNING
    }

    /**
     * One worker's row.
     *
     * @param label the worker as shown left of its bars, for example {@code w1 (pid 4242)}
     * @param bars  its bars, by start
     */
    public record Row(String label, List<Bar> bars) {

        /** Copies the bars. */
        public Row {
            bars = List.copyOf(bars);
        }
    }

    /**
     * One item or process.
     *
     * @param label       what it was, for example {@code item 7} or {@code w0 spawn-1-0}
     * @param startMicros when it started, since the run's start
     * @param endMicros   when it ended (or now, while running)
     * @param state       how it ended
     * @param detail      more for the tooltip (may be empty), for example {@code exit code 3}
     */
    public record Bar(String label, long startMicros, long endMicros, State state, String detail) {

        /**
         * The tooltip text.
         *
         * @return for example {@code item 7: 0.412 s, failed: IllegalStateException: boom}
         */
        public String tooltip() {
            String text = label + ": " + seconds(endMicros - startMicros)
                    + (state == State.OK ? "" : state == State.FAILED ? ", failed" : ", running");
            return detail.isEmpty() ? text : text + " (" + detail + ")";
        }
    }

    /**
     * How many bars the timeline has.
     *
     * @return the sum over the rows
     */
    public int bars() {
        return rows.stream().mapToInt(r -> r.bars().size()).sum();
    }

    /**
     * Counts the bars in a state.
     *
     * @param state the state
     * @return how many
     */
    public long count(State state) {
        return rows.stream().flatMap(r -> r.bars().stream()).filter(b -> b.state() == state).count();
    }

    /**
     * Formats microseconds as seconds.
     *
     * @param micros the duration
     * @return for example {@code 0.412 s}
     */
    public static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f s", micros / 1e6);
    }
}
