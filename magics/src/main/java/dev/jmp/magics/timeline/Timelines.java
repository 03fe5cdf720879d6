package dev.jmp.magics.timeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The timelines of the kernel's recent {@code %%pool} and {@code %%spawn} runs, by run name, in
 * start order. A run registers when it starts, with a source that snapshots its timeline, so
 * {@code %timeline} also shows a run still going (a {@code --bg} spawn). Each kept run holds at
 * most {@link TimelineSvg#MAX_BARS} bars (a pool run counts the rest per worker), so the store is
 * bounded by items as well as by runs.
 */
public final class Timelines {

    /** How many runs are kept. */
    public static final int KEEP = 20;

    private final Map<String, Supplier<Timeline>> runs = new LinkedHashMap<>();

    /** Creates an empty store. */
    public Timelines() {
    }

    /**
     * Records that a run started; a run of the same name replaces the older one.
     *
     * @param run    the run's name
     * @param source takes a snapshot of the run's timeline, from any thread
     */
    public synchronized void started(String run, Supplier<Timeline> source) {
        runs.remove(run);
        runs.put(run, source);
        while (runs.size() > KEEP) {
            runs.remove(runs.keySet().iterator().next());
        }
    }

    /**
     * The timeline of the run started last.
     *
     * @return it, or empty before any run
     */
    public Optional<Timeline> last() {
        Supplier<Timeline> source;
        synchronized (this) {
            if (runs.isEmpty()) {
                return Optional.empty();
            }
            source = new ArrayList<>(runs.values()).get(runs.size() - 1);
        }
        return Optional.of(source.get());
    }

    /**
     * The timeline of a run by name.
     *
     * @param run the run's name
     * @return it, or empty if no kept run has that name
     */
    public Optional<Timeline> named(String run) {
        Supplier<Timeline> source;
        synchronized (this) {
            source = runs.get(run);
        }
        return Optional.ofNullable(source).map(Supplier::get);
    }

    /**
     * The names of the kept runs.
     *
     * @return in start order
     */
    public synchronized List<String> names() {
        return new ArrayList<>(runs.keySet());
    }
}
