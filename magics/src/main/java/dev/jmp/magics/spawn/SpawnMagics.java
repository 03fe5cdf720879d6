package dev.jmp.magics.spawn;

import dev.jmp.SerialCallable;
import dev.jmp.classes.scan.UnsendableVariablesException;
import dev.jmp.magics.CellFailure;
import dev.jmp.magics.CellOutput;
import dev.jmp.magics.KernelCallbacks;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicDoc;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.MagicOptions;
import dev.jmp.magics.bridge.OutputDispatcher;
import dev.jmp.magics.render.LineStreamer;
import dev.jmp.magics.render.Table;
import dev.jmp.magics.render.TraceLines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code %%spawn} (run the body in N new processes), {@code %wait} (wait for background runs
 * and replay their output) and {@code %terminate} (stop runs).
 */
public final class SpawnMagics {

    /** The documentation of {@code %wait}. */
    public static final MagicDoc WAIT_DOC = new MagicDoc("wait", true, false,
            "Wait for background %%spawn runs, then replay their output and summary here.",
            """
            Usage: %wait [NAME|all]

            Waits until the run NAME (or every background run not waited for yet: all, the
            default) has ended, then prints its output again, grouped by worker if the run
            used --group, and its summary table. The cell fails if a worker failed, so
            notebooks run with nbconvert (which drops output arriving after a cell ended)
            keep the output and fail on errors. Interrupting %wait stops waiting, not the run.

            Examples:
              %%spawn --bg --name train
              ...
              %wait train""");

    /** The documentation of {@code %terminate}. */
    public static final MagicDoc TERMINATE_DOC = new MagicDoc("terminate", true, false,
            "Stop running %%spawn runs (SIGTERM, then SIGKILL after 2 s).",
            """
            Usage: %terminate NAME|all

            Terminates the workers of the run NAME, or of every running run (all), and
            waits up to 5 s for them to end. Interrupting the kernel does not stop --bg
            runs; this does.

            Example:
              %terminate train""");

    private final KernelCallbacks callbacks;
    private final OutputDispatcher dispatcher;
    private final SpawnRegistry registry = new SpawnRegistry();
    private volatile SpawnRun foreground;

    /**
     * Creates the magics.
     *
     * @param callbacks  what the kernel offers
     * @param dispatcher routes worker output to runs
     */
    public SpawnMagics(KernelCallbacks callbacks, OutputDispatcher dispatcher) {
        this.callbacks = callbacks;
        this.dispatcher = dispatcher;
    }

    /**
     * Registers {@code %%spawn}, {@code %wait} and {@code %terminate}, and stops the foreground
     * run on interrupt.
     *
     * @param catalog the catalog
     */
    public void register(MagicCatalog catalog) {
        catalog.registerCell(SpawnOptions.DOC, (args, body) -> {
            spawn(args, body);
            return null;
        });
        catalog.registerLine(WAIT_DOC, args -> {
            waitFor(args);
            return null;
        });
        catalog.registerLine(TERMINATE_DOC, args -> {
            terminate(args);
            return null;
        });
        callbacks.onInterrupt(this::interruptForeground);
    }

    /** Terminates the run the current cell waits for (background runs go on). */
    public void interruptForeground() {
        SpawnRun run = foreground;
        if (run != null) {
            run.stop("interrupted");
        }
    }

    /**
     * Runs {@code %%spawn}.
     *
     * @param args the options
     * @param body the Java statements
     * @throws MagicException for bad options, a body that does not compile, a variable that
     *                        cannot be sent, or a failed, stopped or interrupted run
     */
    public void spawn(List<String> args, String body) throws MagicException {
        SpawnOptions options = SpawnOptions.parse(args);
        if (body.isBlank()) {
            throw new MagicException("%%spawn needs a body: Java statements on the lines after %%spawn, for example\n"
                    + "%%spawn -n 2\nreturn Worker.index();");
        }
        String name = options.name() != null ? options.name() : registry.nextName();
        Object compiled;
        try {
            compiled = callbacks.evaluate(SpawnBody.source(body));
        } catch (CellFailure e) {
            throw withBodyHint(e, body);
        }
        @SuppressWarnings("unchecked")
        SerialCallable<Object> callable = (SerialCallable<Object>) compiled;
        CellOutput cell = callbacks.cellOutput();
        SpawnRun run = new SpawnRun(name, options, callable, cell, dispatcher, new TraceLines(callbacks::formatError));
        registry.add(run);
        try {
            run.start();
        } catch (UnsendableVariablesException e) {
            registry.remove(run);
            throw new CellFailure("UnsendableVariable", e.getMessage(),
                    List.of(("UnsendableVariable: " + e.getMessage()).split("\n")));
        } catch (RuntimeException e) {
            registry.remove(run);
            throw new MagicException("%%spawn: cannot start the workers of " + name + ": " + e.getMessage(), e);
        }
        if (options.out() != null) {
            callbacks.bind(options.out(), "java.util.List<dev.jmp.Process>", run.processes());
        }
        if (options.background()) {
            startInBackground(run);
            return;
        }
        foreground = run;
        List<WorkerOutcome> outcomes;
        try {
            outcomes = run.await();
        } catch (InterruptedException e) {
            run.stop("interrupted");
            outcomes = run.awaitQuietly(5000);
            if (outcomes == null) {
                throw new CellFailure("Interrupted", name + " was interrupted; its workers are being killed",
                        List.of("Interrupted: " + name + " was interrupted; its workers are being killed"));
            }
        } finally {
            foreground = null;
        }
        show(run, outcomes, cell, run.options().group());
    }

    private static CellFailure withBodyHint(CellFailure e, String body) {
        if (!e.errorName().equals("CompilationError") || body.contains("return")) {
            return e;
        }
        List<String> lines = new ArrayList<>(e.traceback());
        lines.add("");
        lines.add("(A %%spawn body is Java statements; end it with `return value;` to return a value.)");
        return new CellFailure(e.errorName(), e.getMessage(), lines);
    }

    private void startInBackground(SpawnRun run) {
        CellOutput cell = run.cell();
        String id = UUID.randomUUID().toString();
        StringBuilder pids = new StringBuilder();
        run.processes().forEach(p -> pids.append(pids.length() == 0 ? "" : ", ").append(p.pid()));
        cell.display(id, text(run.name() + ": running in the background, " + run.processes().size() + " worker"
                + (run.processes().size() == 1 ? "" : "s") + " (pid " + pids + "). %wait " + run.name()
                + " waits and replays its output; %terminate " + run.name() + " stops it.\n"));
        run.whenDone(outcomes -> {
            try {
                if (run.options().group()) {
                    try (LineStreamer out = new LineStreamer(cell)) {
                        run.log().replay(out, true);
                    }
                }
                cell.updateDisplay(id, SpawnReport.summary(run.name(), outcomes, run.millis()).bundle());
                CellFailure failure = SpawnReport.failure(run.name(), outcomes, run.stopReason(),
                        run.options().timeoutSeconds(), callbacks::formatError);
                if (failure != null) {
                    cell.stderr(String.join("\n", failure.traceback()) + "\n");
                }
            } catch (RuntimeException e) {
                cell.stderr("jmp: cannot show the end of " + run.name() + ": " + e + "\n");
            }
        });
    }

    private void show(SpawnRun run, List<WorkerOutcome> outcomes, CellOutput cell, boolean replay)
            throws CellFailure {
        if (replay) {
            try (LineStreamer out = new LineStreamer(cell)) {
                run.log().replay(out, run.options().group());
            }
        }
        Table summary = SpawnReport.summary(run.name(), outcomes, run.millis());
        cell.display(UUID.randomUUID().toString(), summary.bundle());
        CellFailure failure = SpawnReport.failure(run.name(), outcomes, run.stopReason(),
                run.options().timeoutSeconds(), callbacks::formatError);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Runs {@code %wait}.
     *
     * @param args a run name or {@code all} (the default)
     * @throws MagicException for an unknown run, an interrupt, or a run with failures
     */
    public void waitFor(List<String> args) throws MagicException {
        MagicOptions.Parsed o = new MagicOptions("%wait", "%wait [NAME|all]").positional().parse(args);
        if (o.positional().size() > 1) {
            throw new MagicException("%wait takes one run name (or all), got: " + String.join(" ", o.positional()));
        }
        String name = o.positional().isEmpty() ? "all" : o.positional().get(0);
        List<SpawnRun> runs = registry.find(name, r -> r.options().background() && !r.waited());
        CellOutput cell = callbacks.cellOutput();
        if (runs.isEmpty()) {
            cell.stdout("No background run to wait for.\n");
            return;
        }
        List<String> failures = new ArrayList<>();
        CellFailure last = null;
        for (SpawnRun run : runs) {
            List<WorkerOutcome> outcomes;
            try {
                outcomes = run.await();
            } catch (InterruptedException e) {
                throw new CellFailure("Interrupted", "stopped waiting for " + run.name()
                        + "; it keeps running in the background (%terminate " + run.name() + " stops it)",
                        List.of("Interrupted: stopped waiting for " + run.name() + "; it keeps running in the "
                                + "background (%terminate " + run.name() + " stops it)"));
            }
            run.markWaited();
            try {
                show(run, outcomes, cell, true);
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
        MagicOptions.Parsed o = new MagicOptions("%terminate", "%terminate NAME|all").positional().parse(args);
        if (o.positional().size() != 1) {
            throw new MagicException("%terminate needs one run name or all, for example: %terminate train"
                    + " (running: " + String.join(", ", registry.all().stream().filter(r -> !r.isDone())
                    .map(SpawnRun::name).toList()) + ")");
        }
        List<SpawnRun> runs = registry.find(o.positional().get(0), r -> !r.isDone());
        CellOutput cell = callbacks.cellOutput();
        if (runs.isEmpty()) {
            cell.stdout("No run is running.\n");
            return;
        }
        for (SpawnRun run : runs) {
            run.stop("terminated");
        }
        for (SpawnRun run : runs) {
            List<WorkerOutcome> outcomes = run.awaitQuietly(5000);
            cell.stdout(run.name() + (outcomes == null ? ": terminating (still ending)"
                    : ": terminated (" + String.join(", ", outcomes.stream()
                    .map(w -> w.label() + " " + w.exitText()).toList()) + ")") + "\n");
        }
    }

    private static Map<String, String> text(String text) {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", text);
        return bundle;
    }
}
