package dev.jmp.magics.render;

import dev.jmp.spi.OutputEvent;
import dev.jmp.spi.OutputListener;
import dev.jmp.magics.CellOutput;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Routes every worker output line: lines of a worker a magic run claimed (by the worker's
 * process name, set before it starts) go to that run; lines printed for a task go to the
 * running cell's stdout or stderr, unlabelled, as a plain program's workers print to its
 * console; lines of idle workers (JVM notes while a warm worker starts) go to the kernel's log.
 */
public final class OutputDispatcher implements OutputListener {

    private final Map<String, Consumer<OutputEvent>> claims = new ConcurrentHashMap<>();
    private final Map<String, Consumer<OutputEvent>> prefixClaims = new ConcurrentHashMap<>();
    private final Supplier<PrintStream> out;
    private final Supplier<PrintStream> err;
    private final Supplier<PrintStream> log;
    private final Supplier<CellOutput> cell;
    private final TraceLines traces;

    /**
     * Creates the dispatcher.
     *
     * @param out    the running cell's stdout
     * @param err    the running cell's stderr
     * @param log    the kernel's log
     * @param cell   the running cell's output, for displays made in workers
     * @param traces rewrites stack-trace lines of unclaimed workers (processes started with the
     *               API) into cell lines, as the magics' runs do
     */
    public OutputDispatcher(Supplier<PrintStream> out, Supplier<PrintStream> err, Supplier<PrintStream> log,
                            Supplier<CellOutput> cell, TraceLines traces) {
        this.out = out;
        this.err = err;
        this.log = log;
        this.cell = cell;
        this.traces = traces;
    }

    /**
     * Claims the output of a worker.
     *
     * @param workerName the process name the worker runs under
     * @param sink       receives its lines, in order, on the worker's output thread
     * @return false if another run already claimed that name
     */
    public boolean claim(String workerName, Consumer<OutputEvent> sink) {
        return claims.putIfAbsent(workerName, sink) == null;
    }

    /**
     * Claims the output of every worker whose process name starts with a prefix (a pool's
     * workers, replacements included).
     *
     * @param prefix the names' prefix
     * @param sink   receives their lines
     * @return false if another run already claimed that prefix
     */
    public boolean claimPrefix(String prefix, Consumer<OutputEvent> sink) {
        return prefixClaims.putIfAbsent(prefix, sink) == null;
    }

    /**
     * Releases a prefix claim.
     *
     * @param prefix the prefix
     */
    public void releasePrefix(String prefix) {
        prefixClaims.remove(prefix);
    }

    /**
     * Releases a claim.
     *
     * @param workerName the process name
     */
    public void release(String workerName) {
        claims.remove(workerName);
    }

    @Override
    public void onOutput(OutputEvent event) {
        Consumer<OutputEvent> sink = claims.get(event.workerName());
        if (sink == null && !prefixClaims.isEmpty()) {
            for (Map.Entry<String, Consumer<OutputEvent>> e : prefixClaims.entrySet()) {
                if (event.workerName().startsWith(e.getKey())) {
                    sink = e.getValue();
                    break;
                }
            }
        }
        if (sink != null) {
            sink.accept(event);
            return;
        }
        if (event.jobId() < 0) {
            log.get().println("[" + event.label(event.workerName()) + "] " + event.line());
            return;
        }
        var display = DisplayMarkers.parse(event.line());
        if (display.isPresent()) {
            out.get().flush();
            DisplayMarkers.publish(display.get(), cell.get());
            return;
        }
        boolean stderr = event.stream() == OutputEvent.Stream.STDERR;
        String line = stderr ? traces.rewrite(event.line()) : event.line();
        if (line != null) {
            (stderr ? err.get() : out.get()).println(line);
        }
    }
}
