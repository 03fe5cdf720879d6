package dev.jmp.magics.spawn;

import dev.jmp.magics.CellFailure;
import dev.jmp.magics.CellOutput;
import dev.jmp.magics.render.LineStreamer;
import dev.jmp.magics.render.Table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** How a run appears in cells: its background status line, its end (output replay, summary, error). */
final class SpawnView {

    private final Function<Throwable, List<String>> formatError;

    SpawnView(Function<Throwable, List<String>> formatError) {
        this.formatError = formatError;
    }

    /**
     * Shows the end of a run in a cell: its output again (when asked, grouped if the run used
     * {@code --group}), the summary table, then the failure, if any, as the exception to throw.
     *
     * @param replay whether to print the run's output (a {@code --group} run or {@code %wait})
     * @throws CellFailure when a worker failed or the run was stopped
     */
    void showEnd(SpawnRun run, List<WorkerOutcome> outcomes, CellOutput cell, boolean replay) throws CellFailure {
        if (replay) {
            try (LineStreamer out = new LineStreamer(cell)) {
                run.log().replay(out, run.options().group());
            }
        }
        Table summary = SpawnReport.summary(run.name(), outcomes, run.millis());
        cell.display(UUID.randomUUID().toString(), summary.bundle());
        CellFailure failure = failure(run, outcomes);
        if (failure != null) {
            throw failure;
        }
    }

    private CellFailure failure(SpawnRun run, List<WorkerOutcome> outcomes) {
        return SpawnReport.failure(run.name(), outcomes, run.stopReason(), run.options().timeoutSeconds(), formatError);
    }

    /**
     * Shows that a run goes on in the background, and arranges for its end to show in the same
     * cell: the status line becomes the summary; a failure is printed to the cell's stderr (the
     * cell has ended, so it cannot fail any more; {@code %wait} fails instead).
     */
    void showBackground(SpawnRun run) {
        CellOutput cell = run.cell();
        String id = UUID.randomUUID().toString();
        StringBuilder pids = new StringBuilder();
        run.processes().forEach(p -> pids.append(pids.length() == 0 ? "" : ", ").append(p.pid()));
        int n = run.processes().size();
        cell.display(id, text(run.name() + ": running in the background, " + n + " worker" + (n == 1 ? "" : "s")
                + " (pid " + pids + "). %wait " + run.name() + " waits and replays its output; %terminate "
                + run.name() + " stops it.\n"));
        run.whenDone(outcomes -> {
            try {
                if (run.options().group()) {
                    try (LineStreamer out = new LineStreamer(cell)) {
                        run.log().replay(out, true);
                    }
                }
                cell.updateDisplay(id, SpawnReport.summary(run.name(), outcomes, run.millis()).bundle());
                CellFailure failure = failure(run, outcomes);
                if (failure != null) {
                    cell.stderr(String.join("\n", failure.traceback()) + "\n");
                }
            } catch (RuntimeException e) {
                cell.stderr("jmp: cannot show the end of " + run.name() + ": " + e + "\n");
            }
        });
    }

    private static Map<String, String> text(String text) {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", text);
        return bundle;
    }
}
