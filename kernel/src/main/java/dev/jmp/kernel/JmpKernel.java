package dev.jmp.kernel;

import dev.jmp.kernel.display.Display;
import dev.jmp.kernel.display.DisplayHandle;
import dev.jmp.kernel.display.DisplayPublisher;
import dev.jmp.kernel.io.IOPubPublisher;
import dev.jmp.kernel.io.StreamRouter;
import dev.jmp.kernel.jshell.CellValue;
import dev.jmp.kernel.jshell.ClassRecorder;
import dev.jmp.kernel.jshell.JShellEvaluator;
import dev.jmp.kernel.jshell.StackTraceCleaner;
import dev.jmp.kernel.maven.MavenArtifactResolver;
import dev.jmp.kernel.maven.LoadFromPomMagic;
import dev.jmp.kernel.maven.MavenRepoMagic;
import dev.jmp.kernel.notebook.NotebookMagics;
import dev.jmp.kernel.protocol.KernelIdentity;
import dev.jmp.magics.CellFailure;
import dev.jmp.magics.KernelCallbacks;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.MagicsProvider;
import dev.jmp.magics.QuietValue;
import dev.jmp.magics.UnknownMagicException;
import dev.jmp.spi.ClassSource;
import dev.jmp.spi.Daemons;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The jmp kernel: evaluates cells with JShell in this JVM, runs magics, completes, inspects,
 * and stops running cells on interrupt.
 *
 * <p>For later magics and the runtime, the kernel exposes {@link #classSource()} (bytecode of
 * notebook-defined classes), {@link #executionClassLoader()}, {@link #callbacks()} (class path
 * additions and their listeners, interrupt and shutdown hooks) and {@link #magics()}.
 */
public final class JmpKernel extends BaseKernel {

    private final PrintStream log;
    private final CompletableFuture<JShellEvaluator> jshell;
    private final MagicCatalog magics;
    private final KernelServices services;
    private final CodeAssist assist;
    private volatile StreamRouter streams;
    private volatile IOPubPublisher iopub;
    private volatile MavenArtifactResolver resolver;
    private volatile Thread magicThread;
    private volatile boolean magicInterrupted;
    private final long timeoutMillis;
    private final List<String> startupProblems = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final CompletableFuture<List<String>> startup;
    private volatile boolean settingsReported;
    private volatile int currentExecution;
    private final CellTimeout timeout = new CellTimeout(this::interrupt);

    /**
     * Creates the kernel and starts JShell in the background (so the kernel answers Jupyter
     * while JShell warms up).
     *
     * @param log where the kernel's own messages go (the terminal running Jupyter)
     */
    public JmpKernel(PrintStream log) {
        this.log = log;
        this.magics = new MagicCatalog(() -> services().out());
        this.services = new KernelServices(this::evaluator, () -> streams, () -> iopub, this::resolver,
                Path.of("").toAbsolutePath(), log);
        this.assist = new CodeAssist(this::evaluator, magics);
        TimeMagics.register(magics, code -> runCode(code, currentExecution), () -> services().out());
        LoadMagic.register(magics, Path.of("").toAbsolutePath(), code -> runCode(code, currentExecution));
        MavenRepoMagic.register(magics, this::resolver, () -> services().out());
        LoadFromPomMagic.register(magics, this::resolver, services, Path.of("").toAbsolutePath(), () -> services().out());
        NotebookMagics.install(new JavaMagicCalls(magics));
        // Providers register before JShell starts, so their start-up actions run before any cell.
        for (MagicsProvider provider : ServiceLoader.load(MagicsProvider.class, JmpKernel.class.getClassLoader())) {
            provider.register(magics, services);
        }
        Map<String, String> env = System.getenv();
        Path base = Path.of("").toAbsolutePath();
        KernelSettings settings = KernelSettings.from(env, base);
        settings.problems().forEach(p -> log.println("jmp: " + p));
        this.timeoutMillis = settings.timeoutMillis();
        this.jshell = CompletableFuture.supplyAsync(() -> {
            JShellEvaluator evaluator = startJShell(settings, env);
            try {
                evaluator.eval("1 + 1", 0);
            } catch (CellFailure e) {
                log.println("jmp: JShell warm-up failed: " + e.getMessage());
            }
            services.markReady(evaluator);
            return evaluator;
        }, r -> {
            Daemons.start("jmp-jshell-start", r);
        });
        // Class path and start-up scripts go through the kernel's services, which wait for JShell:
        // a step after it, which the first cell waits for.
        this.startup = jshell.thenApplyAsync(evaluator -> {
            List<String> problems = new ArrayList<>(settings.problems());
            problems.addAll(startupProblems);
            problems.addAll(SettingsStartup.apply(settings, env, evaluator, services, base, log));
            return problems;
        }, r -> Daemons.start("jmp-settings", r));
    }

    /** JShell with the configured compiler options; without them (and a problem noted) when they stop it starting. */
    private JShellEvaluator startJShell(KernelSettings settings, Map<String, String> env) {
        List<String> staticImports = List.of(Display.class.getName(), NotebookMagics.class.getName());
        if (!settings.compilerOptions().isEmpty()) {
            try {
                return new JShellEvaluator(notebookClasspath(), staticImports, settings.compilerOptions(),
                        JmpKernel.class.getClassLoader(), log);
            } catch (RuntimeException e) {
                String problem = KernelSettings.name(env, KernelSettings.COMPILER_OPTS) + "=" + String.join(" ", settings.compilerOptions())
                        + " stops the compiler (" + firstLine(e) + "); JShell runs without these options";
                log.println("jmp: " + problem);
                startupProblems.add(problem);
            }
        }
        return new JShellEvaluator(notebookClasspath(), staticImports, JmpKernel.class.getClassLoader(), log);
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return message.lines().filter(l -> !l.isBlank()).findFirst().orElse(root.getClass().getSimpleName());
    }

    private KernelServices services() {
        return services;
    }

    /**
     * Connects the kernel to Jupyter: installs basekernel's message handlers, routes
     * {@code System.out}/{@code System.err} into cells and connects the display functions.
     * jmp's own handlers go on top ({@link KernelRunner} installs them, with
     * {@link #streams()} and {@link #iopub()}).
     *
     * @param connection the Jupyter connection, not yet connected
     */
    public void attach(JupyterConnection connection) {
        becomeHandlerForConnection(connection);
        iopub = new IOPubPublisher(connection.getIOPub(), log);
        streams = new StreamRouter(iopub);
        streams.install();
        Display.install(new DisplayPublisher(getRenderer(), iopub, streams::flush));
    }

    /** The cell streams, once {@link #attach attached}. */
    StreamRouter streams() {
        return streams;
    }

    /** The IOPub publisher, once {@link #attach attached}. */
    IOPubPublisher iopub() {
        return iopub;
    }

    /** What kernel_info replies say about this kernel. */
    KernelIdentity identity() {
        return new KernelIdentity(KernelVersion.VERSION, getLanguageInfo(), getBanner(), getHelpLinks());
    }

    /**
     * The jars and folders notebook code compiles against: the display API, basekernel's
     * display types and the jmp runtime.
     *
     * @return the entries
     */
    public static List<Path> notebookClasspath() {
        return List.of(codeSource(Display.class), codeSource(DisplayData.class), codeSource(ClassSource.class))
                .stream().distinct().toList();
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the jar of " + type.getName(), e);
        }
    }

    /**
     * The JShell evaluator, waiting for it to finish starting if needed.
     *
     * @return the evaluator
     */
    public JShellEvaluator evaluator() {
        try {
            return jshell.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("JShell failed to start: " + e.getCause(), e.getCause());
        }
    }

    /**
     * The bytecode of every class the notebook defined, for shipping to workers.
     *
     * @return the kernel's class source (a {@link ClassRecorder})
     */
    public ClassSource classSource() {
        return evaluator().classRecorder();
    }

    /**
     * The class loader of notebook-defined classes (to deserialize results that contain them).
     *
     * @return the JShell execution class loader
     */
    public ClassLoader executionClassLoader() {
        return evaluator().classLoader();
    }

    /**
     * The callbacks handed to magics (class path, listeners, interrupt and shutdown hooks).
     *
     * @return the callbacks
     */
    public KernelCallbacks callbacks() {
        return services;
    }

    /**
     * The magics registry; {@link MagicsProvider}s found by {@link ServiceLoader} are already in it.
     *
     * @return the catalog
     */
    public MagicCatalog magics() {
        return magics;
    }

    private synchronized MavenArtifactResolver resolver() {
        if (resolver == null) {
            resolver = new MavenArtifactResolver();
        }
        return resolver;
    }

    /**
     * Runs a cell: a cell magic, or Java code interleaved with line magics.
     *
     * @param code           the cell
     * @param executionCount its execution count
     * @return what to show as the cell's result, or null
     * @throws CellFailure when the cell fails or is interrupted
     */
    public DisplayData runCell(String code, int executionCount) throws CellFailure {
        magicInterrupted = false;
        services.setExecutionCount(executionCount);
        currentExecution = executionCount;
        reportSettingsProblems();
        if (timeoutMillis <= 0) {
            return runCode(code, executionCount);
        }
        return timeout.run(timeoutMillis, () -> runCode(code, executionCount));
    }

    /** The first cell waits for the start-up settings and shows what was wrong with them. */
    private void reportSettingsProblems() {
        if (settingsReported) {
            return;
        }
        settingsReported = true;
        List<String> problems;
        try {
            problems = startup.join();
        } catch (CompletionException e) {
            problems = List.of("the start-up settings failed: " + firstLine(e));
        }
        if (!problems.isEmpty()) {
            PrintStream err = services.err();
            problems.forEach(p -> err.println("jmp: " + p));
            err.flush();
        }
    }

    /** Runs a cell's code in the current cell (also the code a magic such as %%time runs). */
    private DisplayData runCode(String code, int executionCount) throws CellFailure {
        CellSplitter.CellMagic cellMagic = CellSplitter.cellMagic(code);
        if (cellMagic != null) {
            Object value = runMagic(() -> magics.applyCell(cellMagic.name(), cellMagic.args(), cellMagic.body()));
            return value == null ? null : toDisplay(value);
        }
        Object value = null;
        boolean hasValue = false;
        for (CellSplitter.Part part : CellSplitter.split(code)) {
            if (part.magic()) {
                value = runMagic(() -> magics.applyLine(part.name(), part.text()));
                // A value meant for Java callers only (%jars's paths) is not the cell's result.
                hasValue = value != null && !(value instanceof QuietValue);
            } else {
                CellValue result = evaluator().eval(MagicExpressions.rewrite(part.text()), executionCount);
                hasValue = result != null;
                value = hasValue ? result.value() : null;
            }
        }
        return hasValue ? toDisplay(value) : null;
    }

    private DisplayData toDisplay(Object value) {
        if (value instanceof DisplayHandle) {
            return null;
        }
        if (value instanceof DisplayData data) {
            return data;
        }
        return value == null ? new DisplayData("null") : getRenderer().render(value);
    }

    @FunctionalInterface
    private interface MagicCall {
        Object run() throws Exception;
    }

    private Object runMagic(MagicCall call) throws CellFailure {
        Thread outer = magicThread; // set when a magic (%%time) runs code with magics of its own
        magicThread = Thread.currentThread();
        try {
            return call.run();
        } catch (CellFailure e) {
            throw e;
        } catch (MagicException e) {
            if (magicInterrupted) {
                throw CellFailure.ofMessage("Interrupted", e.getMessage());
            }
            throw CellFailure.ofMessage(e instanceof UnknownMagicException ? "UnknownMagic" : "MagicError", e.getMessage());
        } catch (Exception e) {
            throw new CellFailure(e.getClass().getName(), String.valueOf(e.getMessage()),
                    evaluator().stackTraceCleaner().format(e));
        } finally {
            magicThread = outer;
            if (outer == null) {
                Thread.interrupted();
            }
        }
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        return runCell(code, executionCount.get());
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo("java", Runtime.version().toString(), "text/x-java", ".jshell", "java", "text/x-java", "script");
    }

    @Override
    public String getBanner() {
        return "jmp " + KernelVersion.VERSION + " - Java " + Runtime.version() + " (JShell), multiprocess notebooks";
    }

    @Override
    public List<LanguageInfo.Help> getHelpLinks() {
        return List.of(new LanguageInfo.Help("Java " + Runtime.version().feature() + " API",
                "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/"));
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return assist.complete(code, at);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return assist.inspect(code, at, extraDetail);
    }

    @Override
    public String isComplete(String code) {
        return assist.isComplete(code);
    }

    @Override
    public List<String> formatError(Exception e) {
        return StackTraceCleaner.headline(e).lines().toList();
    }

    @Override
    public void interrupt() {
        Thread thread = magicThread;
        if (thread != null && services.deferInterrupt()) {
            // The magic is inside a JShell call of its own (its --over expression, say): stop the
            // user code JShell runs, as for any cell, but leave the magic's thread alone until
            // JShell returns (an interrupt there corrupts JShell); it gets the interrupt then.
            if (services.jshellRunsUserCode() && jshell.isDone() && !jshell.isCompletedExceptionally()) {
                evaluator().stop();
            }
            magicInterrupted = true;
            services.runInterruptActions();
            return;
        }
        if (thread != null) {
            // A magic outside JShell: no snippet runs, and a stop request now would fail the
            // magic's next JShell call (binding its result) instead of the code it runs.
            magicInterrupted = true;
            thread.interrupt();
        } else if (jshell.isDone() && !jshell.isCompletedExceptionally()) {
            evaluator().stop();
        }
        services.runInterruptActions();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        services.runShutdownActions();
        if (streams != null) {
            streams.close();
        }
        if (jshell.isDone() && !jshell.isCompletedExceptionally()) {
            evaluator().close();
        }
    }
}
