package dev.jmp.magics.pool;

import dev.jmp.function.SerialFunction;
import dev.jmp.spi.TaskPreparers;
import dev.jmp.magics.scan.UnsendableVariablesException;
import dev.jmp.magics.CellFailure;
import dev.jmp.magics.CellOutput;
import dev.jmp.magics.KernelCallbacks;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.render.OutputDispatcher;
import dev.jmp.magics.render.TraceLines;
import dev.jmp.magics.timeline.PoolTimeline;
import dev.jmp.magics.timeline.Timelines;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code %%pool}: the body computes the value for one item; a pool of worker processes runs it
 * for every item of {@code --over}, with a live progress display, and binds the results.
 */
public final class PoolMagics {

    private final KernelCallbacks callbacks;
    private final OutputDispatcher dispatcher;
    private final AtomicInteger counter = new AtomicInteger();
    private final Timelines timelines;
    private volatile PoolRun foreground;

    /**
     * Creates the magic.
     *
     * @param callbacks  what the kernel offers
     * @param dispatcher routes worker output to runs
     * @param timelines  where runs record their timeline for {@code %timeline}
     */
    public PoolMagics(KernelCallbacks callbacks, OutputDispatcher dispatcher, Timelines timelines) {
        this.callbacks = callbacks;
        this.dispatcher = dispatcher;
        this.timelines = timelines;
    }

    /**
     * Registers {@code %%pool}, defines its helper methods in the notebook once JShell runs, and
     * stops the running pool on interrupt.
     *
     * @param catalog the catalog
     */
    public void register(MagicCatalog catalog) {
        catalog.registerRawCell(PoolOptions.DOC, (args, body) -> {
            pool(args, body);
            return null;
        });
        callbacks.whenReady(() -> {
            try {
                callbacks.evaluate(PoolBody.HELPERS);
            } catch (MagicException e) {
                throw new IllegalStateException("cannot define the %%pool helpers: " + e.getMessage(), e);
            }
        });
        callbacks.onInterrupt(() -> {
            PoolRun run = foreground;
            if (run != null) {
                run.stop("interrupted");
            }
        });
    }

    /**
     * Runs {@code %%pool}.
     *
     * @param args the first line's text after {@code %%pool}
     * @param body the Java statements computing one item's value
     * @throws MagicException for bad options, code that does not compile, a variable that cannot
     *                        be sent, or a failed, timed-out or interrupted run
     */
    public void pool(String args, String body) throws MagicException {
        PoolOptions options = PoolOptions.parse(args);
        if (body.isBlank()) {
            throw new MagicException("%%pool needs a body computing the value for the item " + options.as()
                    + ", for example: return " + options.as() + " * 2;");
        }
        PoolResults<?> job;
        try {
            job = (PoolResults<?>) callbacks.evaluate(PoolBody.job(options.out(), options.over(), options.as(), body));
        } catch (CellFailure e) {
            throw isOverFailure(e) ? overFailure(options.over(), e) : e;
        }
        SerialFunction<Object, Object> fn = job.function();
        PoolItems<?> items = job.items();
        try {
            TaskPreparers.prepare(fn); // names a variable that cannot be sent before any worker starts
        } catch (UnsendableVariablesException e) {
            throw new CellFailure("UnsendableVariable", e.getMessage(),
                    List.of(("UnsendableVariable: " + e.getMessage()).split("\n")));
        }
        // An unknown cluster is named before any item is read or any worker starts.
        dev.jmp.magics.cluster.ClusterMagics.runtime(options.on());
        CellOutput cell = callbacks.cellOutput();
        if (items.size() == 0) {
            items.close();
            noItems(cell, options);
            return;
        }
        String name = "pool-" + counter.incrementAndGet();
        PoolTimeline timeline = new PoolTimeline(name);
        timelines.started(name, timeline::snapshot);
        PoolRun run = new PoolRun(name, options, fn, items, cell, dispatcher, new TraceLines(callbacks::formatError),
                timeline);
        foreground = run;
        PoolRun.Outcome outcome;
        try {
            outcome = run.run();
        } finally {
            foreground = null;
        }
        job.fill(outcome.results());
        if (outcome.taken() == 0 && outcome.stopReason() == null) {
            noItems(cell, options);
            return;
        }
        if (!outcome.failures().isEmpty() && options.collect()) {
            cell.display(UUID.randomUUID().toString(), PoolReport.failures(run.name(), outcome.failures()).bundle());
        }
        CellFailure failure = PoolReport.failure(run.name(), options, items.size(), outcome, callbacks::formatError);
        if (failure != null) {
            throw failure;
        }
    }

    private static void noItems(CellOutput cell, PoolOptions options) {
        cell.stdout("--over " + options.over() + " has no items: nothing to run; " + options.out()
                + " is an empty list.\n");
    }

    /**
     * Whether the cell's snippet failed in {@code --over}: an exception while evaluating it (the
     * body does not run in the kernel), or a compile error on line 1, where only the expression
     * is the user's (the body starts on line 2).
     */
    private static boolean isOverFailure(CellFailure e) {
        return !e.errorName().equals("CompilationError") || e.getMessage().startsWith("line 1,");
    }

    /** Shows a failure of the {@code --over} expression in its own terms, not the helper snippet's. */
    private static CellFailure overFailure(String over, CellFailure e) {
        String what = e.getMessage().replaceFirst("^line \\d+, column \\d+: ", "");
        if (e.errorName().equals("CompilationError") && what.contains("no suitable method found for " + PoolBody.ITEMS)) {
            what = "it must be an Iterable, an array or a stream";
        } else if (e.errorName().equals("CompilationError")
                && what.contains("reference to " + PoolBody.ITEMS + " is ambiguous")) {
            what = "null is not a source of items; it must be an Iterable, an array or a stream";
        }
        String message = "--over " + over + ": " + what;
        List<String> lines = new java.util.ArrayList<>();
        lines.add(e.errorName() + ": " + message);
        for (String line : e.traceback()) {
            // The helper snippet's text and carets mean nothing to the user; the compiler's details do.
            boolean snippet = line.startsWith("Compilation error at") || line.contains(PoolBody.JOB)
                    || line.contains(PoolBody.ITEMS)
                    || line.strip().matches("\\^+") || line.isBlank();
            if (!snippet && !lines.contains(line)) {
                lines.add(line);
            }
        }
        return new CellFailure(e.errorName(), message, lines);
    }
}
