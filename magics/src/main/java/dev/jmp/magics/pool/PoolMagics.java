package dev.jmp.magics.pool;

import dev.jmp.SerialFunction;
import dev.jmp.classes.TaskPreparers;
import dev.jmp.classes.scan.UnsendableVariablesException;
import dev.jmp.magics.CellFailure;
import dev.jmp.magics.CellOutput;
import dev.jmp.magics.KernelCallbacks;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.bridge.OutputDispatcher;
import dev.jmp.magics.render.TraceLines;

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
    private final AtomicInteger snippetRuns = new AtomicInteger();
    private volatile PoolRun foreground;

    /**
     * Creates the magic.
     *
     * @param callbacks  what the kernel offers
     * @param dispatcher routes worker output to runs
     */
    public PoolMagics(KernelCallbacks callbacks, OutputDispatcher dispatcher) {
        this.callbacks = callbacks;
        this.dispatcher = dispatcher;
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
        int snippets = snippetRuns.incrementAndGet();
        releaseItems(snippets - 1);
        Object items;
        try {
            items = callbacks.evaluate(PoolBody.items(snippets, options.over()));
        } catch (CellFailure e) {
            throw overFailure(options.over(), e);
        }
        @SuppressWarnings("unchecked")
        SerialFunction<Object, Object> fn = (SerialFunction<Object, Object>) callbacks.evaluate(
                PoolBody.function(snippets, options.as(), body));
        List<?> list = (List<?>) items;
        try {
            TaskPreparers.prepare(fn); // names a variable that cannot be sent before any worker starts
        } catch (UnsendableVariablesException e) {
            throw new CellFailure("UnsendableVariable", e.getMessage(),
                    List.of(("UnsendableVariable: " + e.getMessage()).split("\n")));
        }
        CellOutput cell = callbacks.cellOutput();
        if (list.isEmpty()) {
            cell.stdout("--over " + options.over() + " has no items: nothing to run; " + options.out()
                    + " is an empty list.\n");
            bind(snippets, options, new PoolRun.Outcome(List.of(), List.of(), null, 0));
            return;
        }
        PoolRun run = new PoolRun("pool-" + counter.incrementAndGet(), options, fn, list, cell, dispatcher,
                new TraceLines(callbacks::formatError));
        foreground = run;
        PoolRun.Outcome outcome;
        try {
            outcome = run.run();
        } finally {
            foreground = null;
        }
        bind(snippets, options, outcome);
        if (!outcome.failures().isEmpty() && options.collect()) {
            cell.display(UUID.randomUUID().toString(), PoolReport.failures(run.name(), outcome.failures()).bundle());
        }
        CellFailure failure = PoolReport.failure(run.name(), options, list.size(), outcome, callbacks::formatError);
        if (failure != null) {
            throw failure;
        }
    }

    /** Drops the reference JShell keeps to an earlier run's items, so the list can be collected. */
    private void releaseItems(int snippets) {
        if (snippets < 1) {
            return;
        }
        try {
            callbacks.evaluate(PoolBody.release(snippets));
        } catch (MagicException e) {
            // That run's items never got defined (a bad --over): there is nothing to release.
        }
    }

    /** Shows a failure of the {@code --over} expression in its own terms, not the helper snippet's. */
    private static CellFailure overFailure(String over, CellFailure e) {
        String what = e.getMessage().replaceFirst("^line \\d+, column \\d+: ", "");
        if (e.errorName().equals("CompilationError") && what.contains("no suitable method found for $jmpItems")) {
            what = "it must be an Iterable, an array or a stream";
        }
        String message = "--over " + over + ": " + what;
        List<String> lines = new java.util.ArrayList<>();
        lines.add(e.errorName() + ": " + message);
        for (String line : e.traceback()) {
            // The helper snippet's text and carets mean nothing to the user; the compiler's details do.
            boolean snippet = line.startsWith("Compilation error at") || line.contains(PoolBody.ITEMS)
                    || line.strip().matches("\\^+") || line.isBlank();
            if (!snippet && !lines.contains(line)) {
                lines.add(line);
            }
        }
        return new CellFailure(e.errorName(), message, lines);
    }

    private void bind(int snippets, PoolOptions options, PoolRun.Outcome outcome) throws MagicException {
        String results = "(java.util.List<?>) " + callbacks.handOff(outcome.results());
        try {
            callbacks.evaluate(PoolBody.bind(snippets, options.out(), results));
        } catch (CellFailure typed) {
            // A result type the notebook cannot declare: fall back to a list of objects.
            callbacks.bind(options.out(), "java.util.List<Object>", outcome.results());
        }
    }
}
