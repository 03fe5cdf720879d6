package dev.jmp.magics.pool;

import dev.jmp.error.RemoteException;
import dev.jmp.spi.NotebookNames;
import dev.jmp.magics.CellFailure;
import dev.jmp.magics.render.Table;
import dev.jmp.magics.render.ValueSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** What a finished {@code %%pool} shows: the failures per item, and the cell's error when it must fail. */
final class PoolReport {

    private static final int MAX_ITEM_TEXT = 40;

    private PoolReport() {
    }

    /**
     * The table of failed items ({@code --on-error collect}).
     *
     * @param runName  the run
     * @param failures the failures
     * @return one row per failed item, by index
     */
    static Table failures(String runName, List<ItemFailure> failures) {
        Table table = new Table(runName + ": " + failures.size() + " item" + (failures.size() == 1 ? "" : "s")
                + " failed (their results are null)", List.of("item", "value", "error"));
        failures.stream().sorted((a, b) -> Long.compare(a.index(), b.index())).forEach(f ->
                table.row(List.of(Long.toString(f.index()), itemText(f.item()), headline(f.error()))));
        return table;
    }

    /**
     * The cell's error, or null.
     *
     * @param runName     the run
     * @param options     its options
     * @param total       how many items, or -1 when the source does not say
     * @param outcome     how it ended
     * @param formatError formats an exception in cell lines
     * @return the failure, or null when the cell succeeds
     */
    static CellFailure failure(String runName, PoolOptions options, long total, PoolRun.Outcome outcome,
                               Function<Throwable, List<String>> formatError) {
        String stop = outcome.stopReason();
        if (stop == null || stop.equals("failed") && outcome.failures().isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        if (outcome.cannotStart() != null) {
            // The pool's failure, not an item's, and the runtime's threads are no part of it.
            String message = runName + " could not run: " + outcome.cannotStart().getMessage();
            lines.addAll(List.of(("WorkerStartException: " + message).split("\n")));
            return new CellFailure("WorkerStartException", message, lines);
        }
        if (stop.equals("failed")) {
            ItemFailure f = outcome.failures().get(0);
            String who = "item " + f.index() + " (" + options.as() + " = " + itemText(f.item()) + ")";
            lines.add(who + " failed; the remaining items were cancelled:");
            lines.addAll(formatError.apply(f.error()));
            String name = f.error() instanceof RemoteException r ? NotebookNames.displayClassName(r.remoteClassName())
                    : f.error().getClass().getName();
            return new CellFailure(name, who + " failed: " + headline(f.error()), lines);
        }
        String done = total >= 0 ? outcome.done() + " of " + total + " items done"
                : outcome.done() + " items done of " + outcome.taken() + " taken so far from --over, which has no known end";
        String message = stop.equals("timeout")
                ? String.format(Locale.ROOT, "%s did not finish within --timeout %.2f s (%s); the rest were cancelled",
                runName, options.timeoutSeconds(), done)
                : runName + " was interrupted (" + done + "); the rest were cancelled and its workers stopped";
        String name = stop.equals("timeout") ? "Timeout" : "Interrupted";
        lines.add(name + ": " + message);
        return new CellFailure(name, message, lines);
    }

    static String headline(RuntimeException e) {
        if (e instanceof RemoteException r) {
            String cls = NotebookNames.displayClassName(r.remoteClassName());
            return r.remoteMessage() == null ? cls : cls + ": " + NotebookNames.displayText(r.remoteMessage());
        }
        return e.getMessage() == null ? e.getClass().getName() : NotebookNames.displayText(e.getMessage());
    }

    private static String itemText(Object item) {
        return ValueSummary.of(item, MAX_ITEM_TEXT);
    }
}
