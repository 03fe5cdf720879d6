package dev.jmp.magics.timeline;

import dev.jmp.spi.ItemTiming;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the items of one {@code %%pool} run as they finish, with the worker and span the
 * runtime reports ({@link ItemTiming}), and snapshots them as a {@link Timeline}. Thread-safe:
 * the run adds, {@code %timeline} reads.
 */
public final class PoolTimeline {

    private record Item(long index, ItemTiming timing, boolean ok, String error) {
    }

    private final String run;
    private final long startMicros = ItemTiming.nowMicros();
    private final List<Item> items = new ArrayList<>();
    private long endMicros;

    /**
     * Starts collecting.
     *
     * @param run the run's name
     */
    public PoolTimeline(String run) {
        this.run = run;
    }

    /**
     * Records a finished item.
     *
     * @param index  its input index
     * @param timing where and when it ran, or null if it never ran on a worker (then it is not drawn)
     * @param error  its failure's headline, or null if it succeeded
     */
    public synchronized void item(long index, ItemTiming timing, String error) {
        if (timing != null) {
            items.add(new Item(index, timing, error == null, error));
        }
    }

    /** Records that the run ended. */
    public synchronized void end() {
        endMicros = ItemTiming.nowMicros();
    }

    /**
     * The timeline so far.
     *
     * @return a row per worker process (by worker name, then pid), a bar per item
     */
    public synchronized Timeline snapshot() {
        Map<String, List<Timeline.Bar>> rows = new LinkedHashMap<>();
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing((Item i) -> workerOrder(i.timing().worker()))
                .thenComparing(i -> i.timing().worker()).thenComparingLong(i -> i.timing().pid())
                .thenComparingLong(i -> i.timing().startMicros()));
        long last = 0;
        for (Item i : sorted) {
            ItemTiming t = i.timing();
            String label = shortName(t.worker()) + " (pid " + t.pid() + ")";
            long from = Math.max(0, t.startMicros() - startMicros);
            long to = Math.max(from, t.endMicros() - startMicros);
            last = Math.max(last, to);
            String detail = (t.chunkItems() > 1 ? "shared a task of " + t.chunkItems() + " items" : "")
                    + (i.ok() ? "" : (t.chunkItems() > 1 ? "; " : "") + i.error());
            rows.computeIfAbsent(label, k -> new ArrayList<>()).add(new Timeline.Bar("item " + i.index(), from, to,
                    i.ok() ? Timeline.State.OK : Timeline.State.FAILED, detail));
        }
        boolean running = endMicros == 0;
        long micros = Math.max(last, (running ? ItemTiming.nowMicros() : endMicros) - startMicros);
        List<Timeline.Row> out = new ArrayList<>();
        rows.forEach((label, bars) -> {
            bars.sort(Comparator.comparingLong(Timeline.Bar::startMicros));
            out.add(new Timeline.Row(label, bars));
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
