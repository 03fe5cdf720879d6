package dev.jmp.magics.spawn;

import dev.jmp.magics.CellFailure;
import dev.jmp.magics.CellOutput;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicDoc;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.MagicOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** {@code %wait} (wait for background runs and replay them) and {@code %terminate} (stop runs). */
public final class RunControlMagics {

    private static final MagicOptions WAIT_OPTIONS = new MagicOptions("%wait", "[NAME|all]");
    private static final MagicOptions TERMINATE_OPTIONS = new MagicOptions("%terminate", "NAME|all");

    /** The documentation of {@code %wait}. */
    public static final MagicDoc WAIT_DOC = new MagicDoc("wait", true, false,
            "Wait for background %%spawn runs, then replay their output and summary here.",
            WAIT_OPTIONS.help(null, """
                    Waits until the run NAME (or every background run not waited for yet: all, the
                    default) has ended, then prints its output again, grouped by worker if the run
                    used --group, and its summary table. The cell fails if a worker failed, so
                    notebooks run with nbconvert (which drops output arriving after a cell ended)
                    keep the output and fail on errors. Interrupting %wait stops waiting, not the run.""", """
                    %%spawn --bg --name train
                    ...
                    %wait train"""));

    /** The documentation of {@code %terminate}. */
    public static final MagicDoc TERMINATE_DOC = new MagicDoc("terminate", true, false,
            "Stop running %%spawn runs (SIGTERM, then SIGKILL after 2 s).",
            TERMINATE_OPTIONS.help(null, """
                    Terminates the workers of the run NAME, or of every running run (all), and
                    waits up to 5 s for them to end. Interrupting the kernel does not stop --bg
                    runs; this does.""", """
                    %terminate train"""));

    private final SpawnRegistry registry;
    private final SpawnView view;
    private final Supplier<CellOutput> cell;

    RunControlMagics(SpawnRegistry registry, SpawnView view, Supplier<CellOutput> cell) {
        this.registry = registry;
        this.view = view;
        this.cell = cell;
    }

    void register(MagicCatalog catalog) {
        catalog.registerLine(WAIT_DOC, args -> {
            waitFor(args);
            return null;
        });
        catalog.registerLine(TERMINATE_DOC, args -> {
            terminate(args);
            return null;
        });
    }

    /**
     * Runs {@code %wait}.
     *
     * @param args a run name or {@code all} (the default)
     * @throws MagicException for an unknown run, an interrupt, or a run with failures
     */
    public void waitFor(List<String> args) throws MagicException {
        MagicOptions.Parsed o = WAIT_OPTIONS.parse(args);
        if (o.positional().size() > 1) {
            throw new MagicException("%wait takes one run name (or all), got: " + String.join(" ", o.positional()));
        }
        String name = o.positional().isEmpty() ? "all" : o.positional().get(0);
        List<SpawnRun> runs = registry.find("%wait", name, r -> r.options().background() && !r.waited());
        CellOutput out = cell.get();
        if (runs.isEmpty()) {
            out.stdout("No background run to wait for.\n");
            return;
        }
        List<String> failures = new ArrayList<>();
        CellFailure last = null;
        for (SpawnRun run : runs) {
            List<WorkerOutcome> outcomes;
            try {
                outcomes = run.await();
            } catch (InterruptedException e) {
                String message = "stopped waiting for " + run.name() + "; it keeps running in the background"
                        + " (%terminate " + run.name() + " stops it)";
                throw new CellFailure("Interrupted", message, List.of("Interrupted: " + message));
            }
            run.markWaited();
            try {
                view.showEnd(run, outcomes, out, true);
            } catch (CellFailure f) {
                last = f;
                if (!failures.isEmpty()) {
                    failures.add("");
                }
                failures.addAll(f.traceback());
            }
        }
        if (last != null) {
            throw runs.size() == 1 ? last : new CellFailure(last.errorName(), last.getMessage(), failures);
        }
    }

    /**
     * Runs {@code %terminate}.
     *
     * @param args a run name or {@code all}
     * @throws MagicException for a missing or unknown name
     */
    public void terminate(List<String> args) throws MagicException {
        MagicOptions.Parsed o = TERMINATE_OPTIONS.parse(args);
        if (o.positional().size() != 1) {
            List<String> running = registry.all().stream().filter(r -> !r.isDone()).map(SpawnRun::name).toList();
            throw new MagicException("%terminate needs one run name or all, for example: %terminate train"
                    + (running.isEmpty() ? " (no run is running)" : " (running: " + String.join(", ", running) + ")"));
        }
        List<SpawnRun> runs = registry.find("%terminate", o.positional().get(0), r -> !r.isDone());
        CellOutput out = cell.get();
        if (runs.isEmpty()) {
            out.stdout("No run is running.\n");
            return;
        }
        runs.forEach(r -> r.stop("terminated"));
        for (SpawnRun run : runs) {
            List<WorkerOutcome> outcomes = run.awaitQuietly(5000);
            out.stdout(run.name() + (outcomes == null ? ": terminating (still ending)"
                    : ": terminated (" + String.join(", ", outcomes.stream()
                    .map(w -> w.label() + " " + w.exitText()).toList()) + ")") + "\n");
        }
    }
}
