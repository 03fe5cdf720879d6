package dev.jmp.jjava;

import dev.jmp.magics.ArtifactResolver;
import dev.jmp.magics.CellFailure;
import dev.jmp.magics.CellOutput;
import dev.jmp.magics.KernelCallbacks;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.classpath.ClasspathEntries;
import dev.jmp.spi.ClassSource;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

import javax.lang.model.SourceVersion;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The magics' {@link KernelCallbacks} over a JJava kernel: evaluation through the kernel's
 * {@code evalRaw}, output pinned to the cell a magic runs in, classes from JShell's loader
 * delegate, and JJava's own class path additions ({@code %jars}, {@code %classpath},
 * {@code %maven}) passed on to the workers.
 */
final class JJavaCallbacks implements KernelCallbacks, CellHost {

    private final BaseKernel kernel;
    private final JShell jshell;
    private final RecordedClasses classes;
    private final ClassLoader loader;
    private final Path ownJar;
    private final PrintStream log = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
    private final Set<Path> added = new LinkedHashSet<>();
    private final List<Consumer<List<Path>>> classpathListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> interruptActions = new CopyOnWriteArrayList<>();
    private final List<Runnable> shutdownActions = new CopyOnWriteArrayList<>();
    private final List<Runnable> readyActions = new ArrayList<>();
    private boolean ready;
    private volatile CellChannel cell;

    JJavaCallbacks(BaseKernel kernel, JShell jshell, Map<String, byte[]> declaredClasses, ClassLoader loader) {
        this.kernel = kernel;
        this.jshell = jshell;
        this.classes = new RecordedClasses(declaredClasses);
        this.loader = loader;
        this.ownJar = ownJar();
    }

    private static Path ownJar() {
        try {
            return Path.of(JJavaCallbacks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Called before each magic: pins output to the running cell, and tells the workers about jars
     * JJava's own magics added since the last one.
     */
    @Override
    public void enterCell() {
        Object env = HostInternals.field(kernel.getIO().display, "env").orElse(null);
        if (env instanceof ShellReplyEnvironment shell) {
            CellChannel current = cell;
            if (current == null || !current.isFor(shell)) {
                cell = new CellChannel(shell);
            }
        }
        syncClasspath();
    }

    /** The source of the cell that runs now, when the host keeps its request where JJava does. */
    @Override
    public String cellSource() {
        return HostInternals.field(kernel.getCommManager(), "context")
                .filter(c -> c instanceof org.dflib.jjava.jupyter.messages.Message<?>)
                .map(c -> ((org.dflib.jjava.jupyter.messages.Message<?>) c).getContent())
                .filter(c -> c instanceof org.dflib.jjava.jupyter.messages.request.ExecuteRequest)
                .map(c -> ((org.dflib.jjava.jupyter.messages.request.ExecuteRequest) c).getCode())
                .orElse(null);
    }

    private void syncClasspath() {
        if (!(loader instanceof URLClassLoader urls)) {
            return;
        }
        List<Path> fresh = new ArrayList<>();
        for (URL url : urls.getURLs()) {
            try {
                Path p = Path.of(url.toURI()).toAbsolutePath().normalize();
                if (!p.equals(ownJar) && added.add(p)) {
                    fresh.add(p);
                }
            } catch (URISyntaxException | RuntimeException e) {
                log.println("jmp: class path entry " + url + " is not a file; workers do not get it");
            }
        }
        if (!fresh.isEmpty()) {
            classpathListeners.forEach(l -> l.accept(List.copyOf(fresh)));
        }
    }

    @Override
    public PrintStream out() {
        CellChannel c = cell;
        return c != null ? c.out() : System.out;
    }

    @Override
    public PrintStream err() {
        CellChannel c = cell;
        return c != null ? c.err() : System.err;
    }

    @Override
    public PrintStream log() {
        return log;
    }

    @Override
    public void addToClasspath(List<Path> entries) throws MagicException {
        ClasspathEntries.requireReadable(entries);
        for (Path entry : entries) {
            jshell.addToClasspath(entry.toAbsolutePath().normalize().toString());
        }
        syncClasspath();
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
        return classes;
    }

    @Override
    public ClassLoader executionClassLoader() {
        return loader;
    }

    @Override
    public ArtifactResolver artifactResolver() {
        return coordinates -> {
            throw new MagicException("In JJava, add Maven artifacts with JJava's own %maven; workers get them too.");
        };
    }

    @Override
    public Path workingDirectory() {
        return Path.of("").toAbsolutePath();
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
            if (!ready) {
                readyActions.add(action);
                return;
            }
        }
        action.run();
    }

    /** Runs the {@link #whenReady} actions (once the magics are registered). */
    void markReady() {
        List<Runnable> actions;
        synchronized (readyActions) {
            ready = true;
            actions = List.copyOf(readyActions);
            readyActions.clear();
        }
        actions.forEach(Runnable::run);
    }

    @Override
    public Set<String> notebookClassNames() {
        return classes.names();
    }

    @Override
    public Object evaluate(String source) throws CellFailure {
        long before = jshell.snippets().count();
        try {
            Object value = kernel.evalRaw(source);
            if (value == null) {
                // JJava gives no value for `T x = init;`; the magics' contract does.
                List<Snippet> all = jshell.snippets().toList();
                if (all.size() > before && all.get(all.size() - 1) instanceof VarSnippet var
                        && var.subKind() == Snippet.SubKind.VAR_DECLARATION_WITH_INITIALIZER_SUBKIND) {
                    value = kernel.evalRaw(var.name());
                }
            }
            return value;
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    private CellFailure failure(RuntimeException e) {
        String name = e.getCause() instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getSimpleName();
        List<String> trace;
        try {
            trace = kernel.formatError(e);
        } catch (RuntimeException formatting) {
            trace = List.of(String.valueOf(e));
        }
        return new CellFailure(name, String.valueOf(e.getMessage()), trace);
    }

    @Override
    public void bind(String name, String type, Object value) throws MagicException {
        if (name == null || !SourceVersion.isName(name) || name.contains(".")) {
            throw new MagicException("'" + name + "' is not a valid Java variable name");
        }
        evaluate(type + " " + name + " = (" + type + ") " + handOff(value) + ";");
    }

    @Override
    public String handOff(Object value) {
        return "(Object) " + Handoff.class.getName() + ".take(\"" + Handoff.put(value) + "\")";
    }

    @Override
    public CellOutput cellOutput() {
        CellChannel c = cell;
        return c != null ? c : new LogOutput(log);
    }

    @Override
    public List<String> formatError(Throwable error) {
        return TraceText.lines(error);
    }

    @Override
    public void interrupted() {
        runAll(interruptActions);
    }

    void shutdown() {
        runAll(shutdownActions);
    }

    private void runAll(List<Runnable> actions) {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.println("jmp: an interrupt/shutdown action failed: " + e);
            }
        }
    }
}
