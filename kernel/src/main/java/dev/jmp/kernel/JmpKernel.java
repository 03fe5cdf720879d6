package dev.jmp.kernel;

import dev.jmp.kernel.display.Display;
import dev.jmp.kernel.display.DisplayPublisher;
import dev.jmp.kernel.io.IOPubPublisher;
import dev.jmp.kernel.io.StreamRouter;
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
import dev.jmp.magics.MagicsProvider;
import dev.jmp.spi.ClassSource;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

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
    private final JShellStartup jshell;
    private final MagicCatalog magics;
    private final KernelServices services;
    private final CodeAssist assist;
    private final CodeRunner runner;
    private volatile StreamRouter streams;
    private volatile IOPubPublisher iopub;
    private volatile MavenArtifactResolver resolver;
    private final long timeoutMillis;
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
        this.runner = new CodeRunner(magics, services, this::evaluator, this::jshellStarted, this::getRenderer);
        TimeMagics.register(magics, cell -> runner.runCode(cell, currentExecution), () -> services().out());
        LoadMagic.register(magics, Path.of("").toAbsolutePath(), cell -> runner.runCode(cell, currentExecution));
        MavenRepoMagic.register(magics, this::resolver, () -> services().out());
        LoadFromPomMagic.register(magics, this::resolver, services, Path.of("").toAbsolutePath(), () -> services().out());
        NotebookMagics.install(new JavaMagicCalls(magics));
        // Providers register before JShell starts, so their start-up actions run before any cell.
        for (MagicsProvider provider : ServiceLoader.load(MagicsProvider.class, JmpKernel.class.getClassLoader())) {
            provider.register(magics, services);
        }
        // Providers in jars added later (%jars, %maven, %classpath) join the same way.
        LateProviders late = new LateProviders(magics, services, JmpKernel.class.getClassLoader(), () -> services.out());
        services.onClasspathAdded(late::added);
        Map<String, String> env = System.getenv();
        Path base = Path.of("").toAbsolutePath();
        KernelSettings settings = KernelSettings.from(env, base);
        settings.problems().forEach(p -> log.println("jmp: " + p));
        this.timeoutMillis = settings.timeoutMillis();
        this.jshell = new JShellStartup(settings, env, base, services, log);
    }

    private boolean jshellStarted() {
        return jshell.started();
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
        return JShellStartup.notebookClasspath();
    }

    /**
     * The JShell evaluator, waiting for it to finish starting if needed.
     *
     * @return the evaluator
     */
    public JShellEvaluator evaluator() {
        return jshell.evaluator();
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
        runner.newCell();
        services.setExecutionCount(executionCount);
        currentExecution = executionCount;
        jshell.reportSettingsProblems();
        if (timeoutMillis <= 0) {
            return runner.runCode(code, executionCount);
        }
        return timeout.run(timeoutMillis, () -> runner.runCode(code, executionCount));
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
        runner.interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        services.runShutdownActions();
        if (streams != null) {
            streams.close();
        }
        if (jshell.started()) {
            evaluator().close();
        }
    }
}
