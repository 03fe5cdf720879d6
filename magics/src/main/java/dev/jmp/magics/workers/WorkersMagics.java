package dev.jmp.magics.workers;

import dev.jmp.Jmp;
import dev.jmp.spi.WorkerInfo;
import dev.jmp.magics.CellOutput;
import dev.jmp.magics.MagicArgs;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicDoc;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.MagicOption;
import dev.jmp.magics.MagicOptions;
import dev.jmp.magics.render.Table;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code %workers}: the worker processes of this kernel as a table (id, pid, state, tasks done,
 * CPU, RSS, uptime), and the settings for new workers (warm set size, JVM options).
 */
public final class WorkersMagics {

    static final MagicOption<Integer> WARM = MagicOption.integer("--warm", "N", 0, 64,
            "keep N idle workers started, so %%spawn and processes start in milliseconds (0 = none)").orElse(0);
    static final MagicOption<String> JVM_OPTIONS = MagicOption.text("--jvm-opts", "\"...\"",
            "JVM options for every new worker (warm ones restart); --jvm-opts \"\" clears them").allowEmpty();

    static final MagicOption<String> ON = MagicOption.text("--on", "CLUSTER",
            "show the workers of a cluster started with %cluster start instead");

    static final MagicOptions OPTIONS = new MagicOptions("%workers", WARM, JVM_OPTIONS, ON);

    /** The documentation of {@code %workers}. */
    public static final MagicDoc DOC = new MagicDoc("workers", true, false,
            "Show the worker processes (id, pid, state, tasks, CPU, RSS, uptime); set warm workers and JVM options.",
            OPTIONS.help(null, """
                    Without options, shows every live worker JVM of this kernel: its id and name,
                    pid, state (starting, idle = a warm worker waiting for work, busy), the tasks it
                    finished, the CPU time it used, its resident memory and how long it has run.""", """
                    %workers
                    %workers --warm 4
                    %workers --jvm-opts "-Xmx512m -XX:+UseSerialGC\""""));

    private final Supplier<CellOutput> cell;

    /**
     * Creates the magic.
     *
     * @param cell the running cell's output
     */
    public WorkersMagics(Supplier<CellOutput> cell) {
        this.cell = cell;
    }

    /**
     * Registers {@code %workers}.
     *
     * @param catalog the catalog
     */
    public void register(MagicCatalog catalog) {
        catalog.registerLine(DOC, args -> {
            workers(args);
            return null;
        });
    }

    /**
     * Runs {@code %workers}.
     *
     * @param args the options
     * @throws MagicException for a bad option
     */
    public void workers(List<String> args) throws MagicException {
        MagicOptions.Parsed o = OPTIONS.parse(args);
        CellOutput out = cell.get();
        if (o.has(JVM_OPTIONS)) {
            List<String> options = MagicArgs.split(o.get(JVM_OPTIONS));
            Jmp.setWorkerJvmOptions(options.toArray(String[]::new));
            out.stdout("New workers start with JVM options: " + (options.isEmpty() ? "(none)" : String.join(" ", options))
                    + "\n");
        }
        if (o.has(WARM)) {
            int n = o.get(WARM);
            Jmp.setWarmWorkers(n);
            if (n > 0) {
                Jmp.start();
            }
            out.stdout("Keeping " + n + " warm worker" + (n == 1 ? "" : "s") + " ready.\n");
        }
        if (o.has(WARM) || o.has(JVM_OPTIONS)) {
            if (o.has(ON)) {
                throw OPTIONS.error("--on shows a cluster's workers; --warm and --jvm-opts set this machine's");
            }
            return;
        }
        if (o.has(ON)) {
            // Their pids are on other hosts: this host's /proc says nothing about them.
            out.display(UUID.randomUUID().toString(), table(dev.jmp.magics.cluster.ClusterMagics.runtime(o.get(ON)).workers(),
                    System.currentTimeMillis(), false).bundle());
            return;
        }
        out.display(UUID.randomUUID().toString(), table(Jmp.workers(), System.currentTimeMillis()).bundle());
    }

    /**
     * The table of workers.
     *
     * @param workers the workers
     * @param now     the current time (epoch millis), for uptimes
     * @return the table
     */
    static Table table(List<WorkerInfo> workers, long now) {
        return table(workers, now, true);
    }

    /**
     * The table of workers.
     *
     * @param workers the workers
     * @param now     the current time (epoch millis), for uptimes
     * @param local   whether the workers run on this host (else CPU and RSS are not read from /proc)
     * @return the table
     */
    static Table table(List<WorkerInfo> workers, long now, boolean local) {
        long busy = workers.stream().filter(w -> w.state().equals("busy")).count();
        Table table = new Table(workers.isEmpty() ? "No worker processes are running."
                : workers.size() + " worker" + (workers.size() == 1 ? "" : "s") + " (" + busy + " busy)",
                List.of("id", "name", "pid", "state", "tasks", "cpu", "rss", "uptime"));
        for (WorkerInfo w : workers) {
            ProcStats stats = local ? ProcStats.of(w.pid()) : new ProcStats(java.util.Optional.empty(), -1);
            List<String> row = new ArrayList<>();
            row.add(w.id());
            row.add(w.name().equals(w.id()) ? "" : w.name());
            row.add(Long.toString(w.pid()));
            row.add(w.state());
            row.add(w.tasksDone() < 0 ? "?" : Long.toString(w.tasksDone()));
            row.add(stats.cpu().map(WorkersMagics::duration).orElse("?"));
            row.add(stats.rssBytes() < 0 ? "?" : megabytes(stats.rssBytes()));
            row.add(duration(Duration.ofMillis(Math.max(0, now - w.startedMillis()))));
            table.row(row);
        }
        return table;
    }

    /**
     * Formats a duration compactly.
     *
     * @param d the duration
     * @return for example {@code 0.35 s}, {@code 12.0 s}, {@code 3 min 5 s}, {@code 2 h 1 min}
     */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 10_000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /**
     * Formats a byte count in megabytes.
     *
     * @param bytes the count
     * @return for example {@code 48.3 MB}
     */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
