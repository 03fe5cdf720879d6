package dev.jmp.magics.timeline;

import dev.jmp.spi.ItemTiming;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the items of one {@code %%pool} run as they finish, with the worker and span the
 * runtime reports ({@link ItemTiming}), and snapshots them as a {@link Timeline}. Thread-safe:
 * the run adds, {@code %timeline} reads.
 *
 * <p>What it keeps is bounded by items, whatever the run's size: the first
 * {@link TimelineSvg#MAX_BARS} items to finish are kept as bars (all the chart draws); every
 * later one only adds to its worker's {@link Timeline.Tally} (count, failures, busy time, span).
 */
public final class PoolTimeline {

    private record Item(long index, ItemTiming timing, boolean ok, String error) {
    }

    /** A worker process; {@code host} (null on this machine) names a remote worker's host in its row. */
    private record WorkerKey(String worker, long pid, String host) {
    }

    /** The counted items of one worker, in microseconds since the run's start. */
    private static final class Counted {
        long items;
        long failed;
        long busy;
        long first = Long.MAX_VALUE;
        long last;
        final List<String> failedLabels = new ArrayList<>();

        void add(long index, long from, long to, boolean ok) {
            items++;
            busy += to - from;
            first = Math.min(first, from);
            last = Math.max(last, to);
            if (!ok) {
                failed++;
                if (failedLabels.size() < Timeline.Tally.MAX_LABELS) {
                    failedLabels.add("item " + index);
                }
            }
        }

        Timeline.Tally tally() {
            return new Timeline.Tally(items, failed, busy, items == 0 ? 0 : first, last, failedLabels);
        }
    }

    private final String run;
    private final long startMicros = ItemTiming.nowMicros();
    private final int detail;
    private final List<Item> items = new ArrayList<>();
    private final Map<WorkerKey, Counted> counted = new HashMap<>();
    private long endMicros;

    /**
     * Starts collecting.
     *
     * @param run the run's name
     */
    public PoolTimeline(String run) {
        this.run = run;
        this.detail = TimelineSvg.MAX_BARS;
    }

    /**
     * Records a finished item.
     *
     * @param index  its input index
     * @param timing where and when it ran, or null if it never ran on a worker (then it is not drawn)
     * @param error  its failure's headline, or null if it succeeded
     */
    public synchronized void item(long index, ItemTiming timing, String error) {
        if (timing == null) {
            return;
        }
        if (items.size() < detail) {
            items.add(new Item(index, timing, error == null, error));
            return;
        }
        long from = Math.max(0, timing.startMicros() - startMicros);
        long to = Math.max(from, timing.endMicros() - startMicros);
        counted.computeIfAbsent(new WorkerKey(timing.worker(), timing.pid(), timing.host()), k -> new Counted())
                .add(index, from, to, error == null);
    }

    /** Records that the run ended. */
    public synchronized void end() {
        endMicros = ItemTiming.nowMicros();
    }

    /**
     * The timeline so far.
     *
     * @return a row per worker process (by worker name, then pid; a remote one names its host), a bar per kept item
     */
    public synchronized Timeline snapshot() {
        Map<WorkerKey, List<Timeline.Bar>> rows = new TreeMap<>(Comparator.comparingLong((WorkerKey k) -> workerOrder(k.worker()))
                .thenComparing(WorkerKey::worker).thenComparingLong(WorkerKey::pid));
        long last = 0;
        for (Item i : items) {
            ItemTiming t = i.timing();
            long from = Math.max(0, t.startMicros() - startMicros);
            long to = Math.max(from, t.endMicros() - startMicros);
            last = Math.max(last, to);
            String detail = (t.chunkItems() > 1 ? "shared a task of " + t.chunkItems() + " items" : "")
                    + (i.ok() ? "" : (t.chunkItems() > 1 ? "; " : "") + i.error());
            rows.computeIfAbsent(new WorkerKey(t.worker(), t.pid(), t.host()), k -> new ArrayList<>()).add(new Timeline.Bar(
                    "item " + i.index(), from, to, i.ok() ? Timeline.State.OK : Timeline.State.FAILED, detail));
        }
        for (Map.Entry<WorkerKey, Counted> e : counted.entrySet()) {
            rows.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
            last = Math.max(last, e.getValue().last);
        }
        boolean running = endMicros == 0;
        long micros = Math.max(last, (running ? ItemTiming.nowMicros() : endMicros) - startMicros);
        List<Timeline.Row> out = new ArrayList<>();
        rows.forEach((key, bars) -> {
            bars.sort(Comparator.comparingLong(Timeline.Bar::startMicros));
            Counted c = counted.get(key);
            String where = key.host() == null ? "" : "@" + key.host();
            out.add(new Timeline.Row(shortName(key.worker()) + where + " (pid " + key.pid() + ")", bars,
                    c == null ? Timeline.Tally.NONE : c.tally()));
        });
        return new Timeline(run, "%%pool", micros, out, running);
    }

    /** Orders {@code pool-1-w2} before {@code pool-1-w10}: by the trailing number, if any. */
    private static long workerOrder(String worker) {
        int i = worker.length();
        while (i > 0 && Character.isDigit(worker.charAt(i - 1))) {
            i--;
        }
        String digits = worker.substring(i);
        return digits.isEmpty() || digits.length() > 12 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** {@code pool-3-w2} is shown as {@code w2}: the run's name is the chart's title. */
    private String shortName(String worker) {
        return worker.startsWith(run + "-") ? worker.substring(run.length() + 1) : worker;
    }
}
