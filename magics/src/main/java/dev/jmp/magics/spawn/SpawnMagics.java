package dev.jmp.magics.spawn;

import dev.jmp.function.SerialCallable;
import dev.jmp.magics.scan.UnsendableVariablesException;
import dev.jmp.magics.CellFailure;
import dev.jmp.magics.CellOutput;
import dev.jmp.magics.KernelCallbacks;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.render.OutputDispatcher;
import dev.jmp.magics.render.TraceLines;
import dev.jmp.magics.timeline.Timelines;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code %%spawn}: compile the body in the notebook, run it in N new processes, stream their
 * output into the cell and end with a summary (or the failures); {@code --bg} runs go on after
 * the cell, for {@link RunControlMagics}' {@code %wait} and {@code %terminate}.
 */
public final class SpawnMagics {

    private final KernelCallbacks callbacks;
    private final OutputDispatcher dispatcher;
    private final SpawnRegistry registry = new SpawnRegistry();
    private final SpawnView view;
    private final Timelines timelines;
    private volatile SpawnRun foreground;

    /**
     * Creates the magics.
     *
     * @param callbacks  what the kernel offers
     * @param dispatcher routes worker output to runs
     * @param timelines  where runs record their timeline for {@code %timeline}
     */
    public SpawnMagics(KernelCallbacks callbacks, OutputDispatcher dispatcher, Timelines timelines) {
        this.callbacks = callbacks;
        this.dispatcher = dispatcher;
        this.timelines = timelines;
        this.view = new SpawnView(callbacks::formatError);
    }

    /**
     * Registers {@code %%spawn} with {@link RunControlMagics} ({@code %wait}, {@code %terminate}),
     * and stops the foreground run on interrupt.
     *
     * @param catalog the catalog
     */
    public void register(MagicCatalog catalog) {
        catalog.registerCell(SpawnOptions.DOC, (args, body) -> {
            spawn(args, body);
            return null;
        });
        new RunControlMagics(registry, view, callbacks::cellOutput).register(catalog);
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
        // An unknown cluster is named before anything is compiled or started.
        dev.jmp.magics.cluster.ClusterMagics.runtime(options.on());
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
        timelines.started(name, () -> SpawnTimeline.of(run));
        foreground = options.background() ? null : run;
        List<WorkerOutcome> outcomes;
        try {
            if (options.out() != null) {
                try {
                    callbacks.bind(options.out(), "java.util.List<dev.jmp.Process>", run.processes());
                } catch (MagicException e) {
                    run.stop("interrupted"); // nobody could reach these processes
                    throw e;
                }
            }
            if (options.background()) {
                view.showBackground(run);
                return;
            }
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
        view.showEnd(run, outcomes, cell, run.options().group());
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
}
