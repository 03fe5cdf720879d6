package dev.jmp.magics.spawn;

import dev.jmp.magics.MagicException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The runs of this kernel by name, in start order: the running ones, and finished background
 * runs until {@code %wait} has replayed them (at most {@value #KEEP_FINISHED} finished ones).
 */
final class SpawnRegistry {

    static final int KEEP_FINISHED = 50;

    private final Map<String, SpawnRun> runs = new LinkedHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    /**
     * A fresh run name.
     *
     * @return {@code spawn-1}, {@code spawn-2} ... skipping names in use
     */
    synchronized String nextName() {
        while (true) {
            String name = "spawn-" + counter.incrementAndGet();
            if (!runs.containsKey(name)) {
                return name;
            }
        }
    }

    /**
     * Adds a run, replacing a finished one of the same name.
     *
     * @param run the run
     * @throws MagicException if a run of that name is still running
     */
    synchronized void add(SpawnRun run) throws MagicException {
        SpawnRun old = runs.get(run.name());
        if (old != null && !old.isDone()) {
            throw new MagicException("%%spawn: a run named " + run.name() + " is still running; wait for it (%wait "
                    + run.name() + "), stop it (%terminate " + run.name() + ") or choose another --name");
        }
        runs.remove(run.name());
        runs.put(run.name(), run);
        prune();
    }

    synchronized void remove(SpawnRun run) {
        runs.remove(run.name(), run);
    }

    private void prune() {
        List<SpawnRun> finished = runs.values().stream().filter(SpawnRun::isDone).toList();
        for (int i = 0; i < finished.size() - KEEP_FINISHED; i++) {
            runs.remove(finished.get(i).name());
        }
    }

    /**
     * Finds runs by name.
     *
     * @param magic the magic asking, for the error message
     * @param name  a run's name, or {@code all}
     * @param what  which runs {@code all} means
     * @return the runs, in start order
     * @throws MagicException naming the known runs if none matches
     */
    synchronized List<SpawnRun> find(String magic, String name, java.util.function.Predicate<SpawnRun> what)
            throws MagicException {
        if (name.equals("all")) {
            return runs.values().stream().filter(what).toList();
        }
        SpawnRun run = runs.get(name);
        if (run == null) {
            throw new MagicException(magic + ": no run named " + name + (runs.isEmpty() ? " (no %%spawn run is known)"
                    : "; known runs: " + String.join(", ", runs.keySet())));
        }
        return List.of(run);
    }

    /**
     * Every run known, in start order.
     *
     * @return a copy
     */
    synchronized List<SpawnRun> all() {
        return new ArrayList<>(runs.values());
    }
}
