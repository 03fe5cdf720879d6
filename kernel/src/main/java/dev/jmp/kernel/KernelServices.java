package dev.jmp.kernel;

import dev.jmp.classes.ClassSource;
import dev.jmp.kernel.io.StreamRouter;
import dev.jmp.kernel.jshell.JShellEvaluator;
import dev.jmp.magics.ArtifactResolver;
import dev.jmp.magics.KernelCallbacks;
import dev.jmp.magics.MagicException;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The kernel's {@link KernelCallbacks}: what magics may use, and nothing more. */
final class KernelServices implements KernelCallbacks {

    private final Supplier<JShellEvaluator> evaluator;
    private final Supplier<StreamRouter> streams;
    private final Supplier<ArtifactResolver> resolver;
    private final Path workingDirectory;
    private final List<Path> added = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Path>>> classpathListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> interruptActions = new CopyOnWriteArrayList<>();
    private final List<Runnable> shutdownActions = new CopyOnWriteArrayList<>();

    KernelServices(Supplier<JShellEvaluator> evaluator, Supplier<StreamRouter> streams,
                   Supplier<ArtifactResolver> resolver, Path workingDirectory) {
        this.evaluator = evaluator;
        this.streams = streams;
        this.resolver = resolver;
        this.workingDirectory = workingDirectory;
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
    public void addToClasspath(List<Path> entries) throws MagicException {
        for (Path entry : entries) {
            if (!Files.exists(entry)) {
                throw new MagicException("Cannot add " + entry + " to the class path: no such file or folder.");
            }
            if (!Files.isReadable(entry)) {
                throw new MagicException("Cannot add " + entry + " to the class path: it is not readable.");
            }
        }
        List<Path> fresh = entries.stream().map(p -> p.toAbsolutePath().normalize())
                .filter(p -> !added.contains(p)).distinct().toList();
        JShellEvaluator jshell = evaluator.get();
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
        return evaluator.get().classRecorder();
    }

    @Override
    public ClassLoader executionClassLoader() {
        return evaluator.get().classLoader();
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
