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
     * @param bars  its bars kept in detail (drawn), by start
     * @param rest  its items not kept as bars, counted (a huge run keeps only what the chart draws)
     */
    public record Row(String label, List<Bar> bars, Tally rest) {

        /** Copies the bars. */
        public Row {
            bars = List.copyOf(bars);
        }

        /**
         * A row whose every item is a bar.
         *
         * @param label the worker
         * @param bars  its bars, by start
         */
        public Row(String label, List<Bar> bars) {
            this(label, bars, Tally.NONE);
        }

        /**
         * How many items the row stands for.
         *
         * @return its bars plus the counted rest
         */
        public long items() {
            return bars.size() + rest.items();
        }
    }

    /**
     * Items of a row that are counted, not kept as bars (none of them is still running).
     *
     * @param items        how many
     * @param failed       how many of them failed
     * @param busyMicros   their summed durations
     * @param firstMicros  the earliest start among them (0 when there are none)
     * @param lastMicros   the latest end among them
     * @param failedLabels the labels of the first failed ones, at most {@value #MAX_LABELS}
     */
    public record Tally(long items, long failed, long busyMicros, long firstMicros, long lastMicros,
                        List<String> failedLabels) {

        /** How many failed labels a tally keeps. */
        public static final int MAX_LABELS = 10;

        /** No items. */
        public static final Tally NONE = new Tally(0, 0, 0, 0, 0, List.of());

        /** Copies the labels. */
        public Tally {
            failedLabels = List.copyOf(failedLabels);
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
     * How many items or processes the timeline stands for, drawn or counted.
     *
     * @return the sum over the rows
     */
    public long bars() {
        return rows.stream().mapToLong(Row::items).sum();
    }

    /**
     * How many bars the timeline keeps in detail.
     *
     * @return the sum of the rows' bars
     */
    public int drawable() {
        return rows.stream().mapToInt(r -> r.bars().size()).sum();
    }

    /**
     * Counts the items in a state, drawn or counted.
     *
     * @param state the state
     * @return how many
     */
    public long count(State state) {
        long counted = rows.stream().mapToLong(r -> switch (state) {
            case OK -> r.rest().items() - r.rest().failed();
            case FAILED -> r.rest().failed();
            case RUNNING -> 0;
        }).sum();
        return counted + rows.stream().flatMap(r -> r.bars().stream()).filter(b -> b.state() == state).count();
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
