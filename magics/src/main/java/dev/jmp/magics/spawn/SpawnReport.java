package dev.jmp.magics.spawn;

import dev.jmp.spi.NotebookNames;
import dev.jmp.magics.CellFailure;
import dev.jmp.magics.render.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What a finished run shows: the summary table and, when something went wrong, the cell's
 * error with each failed worker's stack trace in cell lines and the reason the run stopped.
 */
final class SpawnReport {

    /** Stack lines of a dead worker shown in errors. */
    static final int STDERR_LINES = 10;

    private SpawnReport() {
    }

    /**
     * The summary table.
     *
     * @param runName  the run
     * @param outcomes one per worker, by index
     * @param millis   the run's wall time
     * @return the table
     */
    static Table summary(String runName, List<WorkerOutcome> outcomes, long millis) {
        long ok = outcomes.stream().filter(WorkerOutcome::ok).count();
        String title = runName + ": " + outcomes.size() + " worker" + (outcomes.size() == 1 ? "" : "s") + ", " + ok
                + " ok" + (ok == outcomes.size() ? "" : ", " + (outcomes.size() - ok) + " failed") + ", " + seconds(millis);
        Table table = new Table(title, List.of("worker", "name", "pid", "exit", "time", "result"));
        for (WorkerOutcome o : outcomes) {
            String result;
            if (o.exception() != null) {
                result = "failed: " + headline(o);
            } else if (!o.ok()) {
                result = o.exitText();
            } else {
                result = o.resultText();
            }
            table.row(List.of(o.label(), o.name(), Long.toString(o.pid()), Integer.toString(o.exitCode()),
                    seconds(o.millis()), result));
        }
        return table;
    }

    /**
     * The cell's error, or null when every worker succeeded and the run was not stopped.
     *
     * @param runName     the run
     * @param outcomes    one per worker
     * @param stopReason  {@code timeout}, {@code interrupted}, {@code terminated} or null
     * @param timeout     the --timeout in seconds (for the message)
     * @param formatError formats a worker's exception in cell lines
     * @return the failure or null
     */
    static CellFailure failure(String runName, List<WorkerOutcome> outcomes, String stopReason, double timeout,
                               Function<Throwable, List<String>> formatError) {
        List<WorkerOutcome> failed = outcomes.stream().filter(o -> !o.ok()).toList();
        if (failed.isEmpty() && stopReason == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        String name;
        String message;
        if (stopReason != null) {
            name = switch (stopReason) {
                case "timeout" -> "Timeout";
                case "interrupted" -> "Interrupted";
                default -> "Terminated";
            };
            message = switch (stopReason) {
                case "timeout" -> runName + " did not finish within --timeout " + seconds(timeout * 1000)
                        + ": its running workers were terminated";
                case "interrupted" -> runName + " was interrupted: its running workers were terminated";
                default -> runName + " was stopped by %terminate";
            };
            lines.add(name + ": " + message);
        } else if (failed.size() == 1 && failed.get(0).exception() != null) {
            WorkerOutcome o = failed.get(0);
            name = NotebookNames.displayClassName(o.exception().remoteClassName());
            message = who(o) + " failed: " + headline(o);
        } else if (failed.size() == 1) {
            WorkerOutcome o = failed.get(0);
            name = "WorkerFailed";
            message = who(o) + " " + ended(o);
        } else {
            name = "WorkerFailed";
            WorkerOutcome first = failed.get(0);
            message = failed.size() + " of " + outcomes.size() + " workers of " + runName + " failed; first: "
                    + who(first) + ": " + (first.exception() != null ? headline(first) : first.exitText());
        }
        for (WorkerOutcome o : failed) {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.addAll(describe(o, formatError));
        }
        return new CellFailure(name, message, lines);
    }

    private static List<String> describe(WorkerOutcome o, Function<Throwable, List<String>> formatError) {
        List<String> lines = new ArrayList<>();
        if (o.exception() != null) {
            lines.add(whoWithPid(o) + " failed:");
            lines.addAll(formatError.apply(o.exception()));
            return lines;
        }
        lines.add(whoWithPid(o) + " " + ended(o) + (o.lastStderr().isEmpty() ? "" : "; its last stderr lines:"));
        List<String> tail = o.lastStderr();
        for (String l : tail.subList(Math.max(0, tail.size() - STDERR_LINES), tail.size())) {
            lines.add("    " + l);
        }
        return lines;
    }

    private static String ended(WorkerOutcome o) {
        return (o.exitCode() >= 0 ? "ended with " : "was ") + o.exitText();
    }

    private static String whoWithPid(WorkerOutcome o) {
        return o.label() + " (" + o.name() + ", pid " + o.pid() + ")";
    }

    private static String who(WorkerOutcome o) {
        return o.label() + " (" + o.name() + ")";
    }

    private static String headline(WorkerOutcome o) {
        String cls = NotebookNames.displayClassName(o.exception().remoteClassName());
        String msg = NotebookNames.displayText(o.exception().remoteMessage());
        return msg == null ? cls : cls + ": " + msg;
    }

    /**
     * Formats a duration.
     *
     * @param millis milliseconds
     * @return for example {@code 1.25 s}
     */
    static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }
}
