package dev.jmp.kernel;

import dev.jmp.spi.ClassSource;
import dev.jmp.kernel.io.IOPubPublisher;
import dev.jmp.kernel.io.PinnedCellOutput;
import dev.jmp.kernel.io.StreamRouter;
import dev.jmp.kernel.jshell.CellValue;
import dev.jmp.kernel.jshell.Handoff;
import dev.jmp.kernel.jshell.JShellEvaluator;
import dev.jmp.magics.ArtifactResolver;
import dev.jmp.magics.CellFailure;
import dev.jmp.magics.CellOutput;
import dev.jmp.magics.KernelCallbacks;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.classpath.ClasspathEntries;

import javax.lang.model.SourceVersion;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The kernel's {@link KernelCallbacks}: what magics may use, and nothing more. */
final class KernelServices implements KernelCallbacks {

    private final Supplier<JShellEvaluator> evaluator;
    private final Supplier<StreamRouter> streams;
    private final Supplier<IOPubPublisher> iopub;
    private final Supplier<ArtifactResolver> resolver;
    private final Path workingDirectory;
    private final PrintStream log;
    private final List<Runnable> readyActions = new ArrayList<>();
    private volatile JShellEvaluator ready;
    /** The start-up thread while it runs the start-up actions, which use JShell before {@link #ready} is set. */
    private volatile Thread startingThread;
    private volatile JShellEvaluator starting;
    private volatile int executionCount;
    private final Object jshellSection = new Object();
    private boolean inJShell;
    private boolean inUserCode;
    private boolean interruptPending;
    private final List<String> handedOff = new CopyOnWriteArrayList<>();
    private final List<Path> added = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Path>>> classpathListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> interruptActions = new CopyOnWriteArrayList<>();
    private final List<Runnable> shutdownActions = new CopyOnWriteArrayList<>();

    KernelServices(Supplier<JShellEvaluator> evaluator, Supplier<StreamRouter> streams, Supplier<IOPubPublisher> iopub,
                   Supplier<ArtifactResolver> resolver, Path workingDirectory, PrintStream log) {
        this.evaluator = evaluator;
        this.streams = streams;
        this.iopub = iopub;
        this.resolver = resolver;
        this.workingDirectory = workingDirectory;
        this.log = log;
    }

    private JShellEvaluator jshell() {
        JShellEvaluator started = ready;
        if (started != null) {
            return started;
        }
        if (Thread.currentThread() == startingThread) {
            return starting;
        }
        return evaluator.get(); // waits until the start-up actions have run
    }

    /**
     * JShell has started: runs the {@link #whenReady} actions (on the start-up thread, before
     * the kernel lets any cell use JShell).
     */
    void markReady(JShellEvaluator started) {
        // Only this thread sees JShell until every action has run: a first cell that arrives
        // meanwhile (a %%pool typed at once in a browser) waits for the %%pool helpers and the
        // runtime's imports instead of compiling without them. Actions registered while others
        // run are run too.
        starting = started;
        startingThread = Thread.currentThread();
        try {
            while (true) {
                List<Runnable> actions;
                synchronized (readyActions) {
                    if (readyActions.isEmpty()) {
                        ready = started;
                        return;
                    }
                    actions = List.copyOf(readyActions);
                    readyActions.clear();
                }
                for (Runnable action : actions) {
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        log.println("jmp: a start-up action of the magics failed: " + e);
                        e.printStackTrace(log);
                    }
                }
            }
        } finally {
            startingThread = null;
            starting = null;
        }
    }

    /** The execution count of the cell that runs now (for evaluations made by its magics). */
    void setExecutionCount(int count) {
        this.executionCount = count;
    }
    @Override
    public PrintStream out() {
        StreamRouter router = streams.get();
        return router != null ? router.out() : System.out;
    }

    @Override
    public PrintStream err() {
        StreamRouter router = streams.get();
        return router != null ? router.err() : System.err;
    }

    @Override
    public PrintStream log() {
        return log;
    }

    @Override
    public void addToClasspath(List<Path> entries) throws MagicException {
        ClasspathEntries.requireReadable(entries);
        List<Path> fresh = entries.stream().map(p -> p.toAbsolutePath().normalize())
                .filter(p -> !added.contains(p)).distinct().toList();
        JShellEvaluator jshell = jshell();
        for (Path entry : fresh) {
            jshell.addToClasspath(entry);
            added.add(entry);
        }
        if (!fresh.isEmpty()) {
            for (Consumer<List<Path>> listener : classpathListeners) {
                listener.accept(fresh);
            }
        }
    }

    @Override
    public List<Path> addedClasspath() {
        return List.copyOf(added);
    }

    @Override
    public void onClasspathAdded(Consumer<List<Path>> listener) {
        classpathListeners.add(listener);
    }

    @Override
    public ClassSource classSource() {
        return jshell().classRecorder();
    }

    @Override
    public ClassLoader executionClassLoader() {
        return jshell().classLoader();
    }

    @Override
    public ArtifactResolver artifactResolver() {
        return coordinates -> resolver.get().resolve(coordinates);
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public void onInterrupt(Runnable action) {
        interruptActions.add(action);
    }

    @Override
    public void onShutdown(Runnable action) {
        shutdownActions.add(action);
    }

    @Override
    public void whenReady(Runnable action) {
        synchronized (readyActions) {
            if (ready == null) {
                readyActions.add(action);
                return;
            }
        }
        action.run();
    }

    @Override
    public Set<String> notebookClassNames() {
        return jshell().classRecorder().classNames();
    }

    @FunctionalInterface
    private interface JShellCall<T> {
        T call() throws CellFailure;
    }

    /**
     * Runs a magic's call into JShell with thread interrupts held back: JShell waits for its
     * snippet on the calling thread, and an interrupt there leaves JShell's state corrupt (later
     * snippets cannot import the broken one). An interrupt that arrives meanwhile stops the
     * snippet the JShell way when it may run the notebook's code (an endless {@code --over}
     * expression, say), and reaches the magic's thread when the call returns.
     *
     * @param userCode whether the snippet may run the notebook's code; a snippet of the magic's
     *                 own (binding a result variable) is never stopped, or the variable would be
     *                 left declared but empty
     */
    private <T> T inJShell(JShellCall<T> call, boolean userCode) throws CellFailure {
        boolean interrupted = Thread.interrupted();
        synchronized (jshellSection) {
            inJShell = true;
            inUserCode = userCode;
        }
        try {
            return call.call();
        } finally {
            synchronized (jshellSection) {
                inJShell = false;
                inUserCode = false;
                interrupted |= interruptPending;
                interruptPending = false;
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Called by the kernel's interrupt: whether a magic is inside JShell now, in which case the
     * interrupt is delivered to its thread when JShell returns (and JShell must not be stopped).
     */
    boolean deferInterrupt() {
        synchronized (jshellSection) {
            if (inJShell) {
                interruptPending = true;
            }
            return inJShell;
        }
    }

    /** Whether the JShell call a magic is inside may run the notebook's code (and may be stopped). */
    boolean jshellRunsUserCode() {
        synchronized (jshellSection) {
            return inJShell && inUserCode;
        }
    }

    @Override
    public Object evaluate(String source) throws CellFailure {
        try {
            CellValue value = inJShell(() -> jshell().evalForMagic(source, executionCount), true);
            return value == null ? null : value.value();
        } finally {
            for (String key : handedOff) {
                Handoff.discard(key);
            }
            handedOff.clear();
        }
    }

    @Override
    public String handOff(Object value) {
        String key = Handoff.put(value);
        handedOff.add(key);
        return "(Object) " + Handoff.class.getName() + ".take(\"" + key + "\")";
    }

    @Override
    public void bind(String name, String type, Object value) throws MagicException {
        if (name == null || !SourceVersion.isName(name) || name.contains(".")) {
            throw new MagicException("'" + name + "' is not a valid Java variable name");
        }
        try {
            inJShell(() -> {
                jshell().bind(name, type, value, executionCount);
                return null;
            }, false);
        } catch (CellFailure e) {
            throw new CellFailure(e.errorName(), "cannot declare " + type + " " + name + ": " + e.errorValue(),
                    e.traceback());
        }
    }

    @Override
    public CellOutput cellOutput() {
        IOPubPublisher publisher = iopub.get();
        StreamRouter router = streams.get();
        return new PinnedCellOutput(publisher, publisher == null ? null : publisher.parent(),
                router == null ? () -> { } : router::flush, log);
    }

    @Override
    public List<String> formatError(Throwable error) {
        return jshell().stackTraceCleaner().format(error);
    }

    void runInterruptActions() {
        runAll(interruptActions);
    }

    void runShutdownActions() {
        runAll(shutdownActions);
    }

    private void runAll(List<Runnable> actions) {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                err().println("jmp: an interrupt/shutdown action failed: " + e);
            }
        }
    }
}
