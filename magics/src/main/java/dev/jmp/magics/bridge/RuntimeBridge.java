package dev.jmp.magics.bridge;

import dev.jmp.Jmp;
import dev.jmp.magics.KernelCallbacks;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.MagicsProvider;
import dev.jmp.magics.pool.PoolMagics;
import dev.jmp.magics.render.OutputDispatcher;
import dev.jmp.magics.render.TraceLines;
import dev.jmp.magics.shared.SharedMagics;
import dev.jmp.magics.spawn.SpawnMagics;
import dev.jmp.magics.timeline.TimelineMagics;
import dev.jmp.magics.timeline.Timelines;
import dev.jmp.magics.workers.WorkersMagics;

import java.nio.file.Path;
import java.util.List;

/**
 * Connects the kernel to the multiprocess runtime, and registers the magics that use it.
 *
 * <p>Once JShell has started: the classes JShell records become the workers' class source, the
 * JShell loader resolves results (so a notebook record comes back as itself), every dispatched
 * task carries a snapshot of the notebook variables it reads ({@link NotebookTaskPreparer}),
 * worker output streams into cells ({@link OutputDispatcher}), and the runtime's cell-facing
 * types are imported. Jars added to the notebook are added to every worker; shutting the kernel
 * down stops every worker.
 */
public final class RuntimeBridge implements MagicsProvider {

    /**
     * Imports every cell starts with. The runtime's user packages ({@code dev.jmp} and its shared
     * objects, serializable functions and exceptions) are imported on demand, so a class the
     * notebook declares with the same simple name (say its own {@code SharedCounter}) simply
     * shadows ours; only the two names that would otherwise be ambiguous are imported singly, and
     * both go to jmp, as in a Python notebook where {@code Process} and {@code Queue} are
     * multiprocessing's: {@code dev.jmp.Process} wins over {@code java.lang.Process}, and
     * {@code dev.jmp.Queue} over {@code java.util.Queue} (so {@code new Queue<>()} makes a process
     * queue). The JDK's stay reachable by their full names, and a cell that imports
     * {@code java.util.Queue} itself gets it back (JShell keeps the latest import of a name).
     */
    public static final List<String> IMPORTS = List.of("dev.jmp.*", "dev.jmp.shared.*", "dev.jmp.function.*", "dev.jmp.error.*",
            "dev.jmp.Process", "dev.jmp.Queue");

    /** Creates the provider (called by {@link java.util.ServiceLoader}). */
    public RuntimeBridge() {
    }

    @Override
    public void register(MagicCatalog catalog, KernelCallbacks callbacks) {
        OutputDispatcher output = new OutputDispatcher(callbacks::out, callbacks::err, callbacks::log,
                callbacks::cellOutput, new TraceLines(callbacks::formatError));
        callbacks.whenReady(() -> {
            Jmp.addClassSource(callbacks.classSource());
            Jmp.setResultClassLoader(callbacks.executionClassLoader());
            Jmp.addTaskPreparer(new NotebookTaskPreparer(callbacks.classSource(), callbacks::notebookClassNames,
                    callbacks.executionClassLoader()));
            Jmp.setOutputEcho(false);
            Jmp.setTraceFormatter(callbacks::formatError);
            Jmp.addOutputListener(output);
            StringBuilder imports = new StringBuilder();
            IMPORTS.forEach(i -> imports.append("import ").append(i).append(";\n"));
            try {
                callbacks.evaluate(imports.toString());
            } catch (MagicException e) {
                throw new IllegalStateException("cannot import the runtime's types: " + e.getMessage(), e);
            }
        });
        callbacks.onClasspathAdded(paths -> Jmp.addClasspath(paths.toArray(Path[]::new)));
        callbacks.onShutdown(Jmp::shutdown);
        Timelines timelines = new Timelines();
        new SpawnMagics(callbacks, output, timelines).register(catalog);
        new WorkersMagics(callbacks::cellOutput).register(catalog);
        new dev.jmp.magics.cluster.ClusterMagics(callbacks::cellOutput).register(catalog);
        new PoolMagics(callbacks, output, timelines).register(catalog);
        new TimelineMagics(timelines, callbacks::cellOutput, callbacks.workingDirectory()).register(catalog);
        new SharedMagics(callbacks).register(catalog);
    }
}
