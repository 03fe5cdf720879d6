package dev.jmp.kernel.jshell;

import dev.jmp.spi.NotebookNames;

import dev.jmp.magics.CellFailure;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Evaluates cells with JShell running locally (in this JVM), one snippet after another,
 * keeping the real value of the final expression and the real exception of a failing snippet.
 *
 * <p>Every class JShell loads is recorded in {@link #classRecorder()}; the notebook's classes
 * live in {@link #classLoader()}.
 */
public final class JShellEvaluator implements AutoCloseable {

    /** Imports every cell starts with: JShell's defaults, {@code java.time} (as JJava has) and the display API. */
    public static final List<String> DEFAULT_IMPORTS = List.of(
            "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.time.*", "java.util.*",
            "java.util.concurrent.*", "java.util.function.*", "java.util.regex.*", "java.util.stream.*");

    /** The error name of an evaluation asked for by the notebook's own running code, which JShell cannot nest. */
    public static final String BUSY = "JShellBusy";

    private final ClassRecorder recorder = new ClassRecorder();
    private final JShellClassLoader loader;
    private final JmpExecutionControlProvider provider;
    private final JShell jshell;
    private final SourceCodeAnalysis analysis;
    private final SnippetLocations locations = new SnippetLocations();
    private final WrapperLines wrappers = new WrapperLines(locations);
    private final StackTraceCleaner cleaner = new StackTraceCleaner(locations, wrappers);
    private final NotebookText text = new NotebookText(wrappers);
    private final PrintStream notes;

    /**
     * Starts JShell.
     *
     * @param classpath     jars and folders the notebook's code compiles and runs against
     *                      (for example the jmp runtime)
     * @param staticImports classes whose static members every cell sees (for example the display API)
     * @param parent        the parent of the notebook's class loader
     * @param notes         where notes about snippets go (for example "defined, but needs X")
     */
    public JShellEvaluator(List<Path> classpath, List<String> staticImports, ClassLoader parent, PrintStream notes) {
        this(classpath, staticImports, List.of(), parent, notes);
    }

    /**
     * Starts JShell with options for its compiler.
     *
     * @param classpath       jars and folders the notebook's code compiles and runs against
     * @param staticImports   classes whose static members every cell sees
     * @param compilerOptions javac options (for example {@code -parameters})
     * @param parent          the parent of the notebook's class loader
     * @param notes           where notes about snippets go
     * @throws IllegalStateException when JShell cannot start (a bad compiler option, say)
     */
    public JShellEvaluator(List<Path> classpath, List<String> staticImports, List<String> compilerOptions,
                           ClassLoader parent, PrintStream notes) {
        this.loader = new JShellClassLoader(parent);
        this.provider = new JmpExecutionControlProvider(loader, recorder, text);
        // Messages shown anywhere (cells, magics' reports, worker traces) name notebook code as the notebook does.
        NotebookNames.setTextTranslator(text::translate);
        this.notes = notes;
        this.jshell = JShell.builder()
                .executionEngine(provider, Map.of())
                .in(InputStream.nullInputStream())
                .out(notes)
                .err(notes)
                .compilerOptions(compilerOptions.toArray(String[]::new))
                .build();
        this.analysis = jshell.sourceCodeAnalysis();
        for (Path entry : classpath) {
            jshell.addToClasspath(entry.toString());
        }
        StringBuilder imports = new StringBuilder();
        DEFAULT_IMPORTS.forEach(i -> imports.append("import ").append(i).append(";\n"));
        staticImports.forEach(i -> imports.append("import static ").append(i).append(".*;\n"));
        try {
            evalSnippets(imports.toString(), 0, false, false);
        } catch (CellFailure e) {
            throw new IllegalStateException("JShell start-up imports failed: " + String.join("\n", e.traceback()), e);
        }
    }

    /**
     * The recorded bytecode of every class JShell loaded.
     *
     * @return the recorder (the kernel's {@link dev.jmp.spi.ClassSource})
     */
    public ClassRecorder classRecorder() {
        return recorder;
    }

    /**
     * The class loader of the notebook's classes.
     *
     * @return the loader
     */
    public JShellClassLoader classLoader() {
        return loader;
    }

    /**
     * Formats an exception thrown by notebook code the way cells show it.
     *
     * @return the cleaner
     */
    public StackTraceCleaner stackTraceCleaner() {
        return cleaner;
    }

    /**
     * JShell's source analysis, for completion and inspection.
     *
     * @return the analysis
     */
    public SourceCodeAnalysis analysis() {
        return analysis;
    }

    /**
     * The JShell instance (for completion and variable lookups; do not evaluate through it).
     *
     * @return JShell
     */
    public JShell jshell() {
        return jshell;
    }

    /**
     * Adds a jar or folder to the class path of the compiler and of the notebook's loader.
     *
     * @param entry the jar or folder
     */
    public void addToClasspath(Path entry) {
        jshell.addToClasspath(entry.toAbsolutePath().toString());
    }

    /**
     * Evaluates a cell's Java code.
     *
     * @param code           the code (one or more snippets)
     * @param executionCount the cell's execution count, used to name its lines in errors
     * @return the value of the final expression, or null when the cell ends with a
     *         statement or declaration
     * @throws CellFailure on a compile error, an exception, or an interrupt
     */
    public CellValue eval(String code, int executionCount) throws CellFailure {
        return evalSnippets(code, executionCount, true, false);
    }

    /**
     * Evaluates code on behalf of a magic: like {@link #eval}, but an initialized variable's
     * value is returned too (a cell shows nothing for {@code int x = 1;}; a magic that declares
     * a variable wants its value).
     *
     * @param code           the code
     * @param executionCount the running cell's execution count
     * @return the value of the last expression or initialized variable, or null
     * @throws CellFailure on a compile error, an exception, or an interrupt
     */
    public CellValue evalForMagic(String code, int executionCount) throws CellFailure {
        return evalSnippets(code, executionCount, true, true);
    }

    /**
     * Declares (or redeclares) a notebook variable holding a value made outside JShell.
     *
     * @param name           the variable's name (a Java identifier)
     * @param type           its type as Java source; the value must be an instance of it
     * @param value          the value
     * @param executionCount the running cell's execution count
     * @throws CellFailure if the declaration does not compile or the value has another type
     */
    public void bind(String name, String type, Object value, int executionCount) throws CellFailure {
        String key = Handoff.put(value);
        try {
            eval(type + " " + name + " = (" + type + ") " + Handoff.class.getName() + ".take(\"" + key + "\");",
                    executionCount);
        } finally {
            Handoff.discard(key);
        }
    }

    /**
     * Stops the running snippet (from another thread); the cell then fails as interrupted.
     */
    public void stop() {
        JmpExecutionControl control = provider.control();
        if (control == null) {
            return;
        }
        try {
            jshell.stop();
        } catch (IllegalStateException e) {
            // JShell already closed: nothing runs any more.
        }
    }

    private CellValue evalSnippets(String code, int executionCount, boolean record, boolean variables)
            throws CellFailure {
        if (JmpExecutionControl.onCellThread()) {
            // Notebook code calling a magic that evaluates (lineMagic("time", ...)): JShell is in
            // the middle of that code's snippet, and waiting for the cell thread would wait forever.
            throw CellFailure.ofMessage(BUSY, "JShell is busy running the code that asks for this evaluation");
        }
        JmpExecutionControl control = provider.control();
        control.clearStop();
        String remaining = code;
        CellValue value = null;
        while (true) {
            checkStopped(control);
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == Completeness.EMPTY) {
                return value;
            }
            String source = info.completeness().isComplete() && info.source() != null ? info.source() : remaining;
            // A snippet after the first of a cell starts with the previous line's break; JShell
            // then reports every frame of it as line 1, so it gets its source from its first
            // non-blank character (positions and lines below count from there).
            String stripped = source.stripLeading();
            int offset = code.length() - remaining.length() + (source.length() - stripped.length());
            List<SnippetEvent> events = jshell.eval(stripped);
            value = handle(events, code, offset, executionCount, record, variables, control);
            checkStopped(control);
            if (!info.completeness().isComplete() || info.remaining().isEmpty()) {
                return value;
            }
            remaining = info.remaining();
        }
    }

    private CellValue handle(List<SnippetEvent> events, String code, int offset, int executionCount,
                             boolean record, boolean variables, JmpExecutionControl control) throws CellFailure {
        CellValue value = null;
        for (SnippetEvent event : events) {
            if (record && event.snippet() != null && event.status().isDefined()) {
                // Recompiled dependents too: each compilation is a new wrapper class that may run in a worker.
                wrappers.record(event.snippet(), analysis);
            }
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            if (record) {
                // JShell numbers a snippet's lines from its first non-blank character.
                int first = offset;
                while (first < code.length() && Character.isWhitespace(code.charAt(first))) {
                    first++;
                }
                locations.put(snippet.id(), executionCount, CompileErrors.lineOf(code, first));
            }
            if (event.status() == Snippet.Status.REJECTED) {
                throw CompileErrors.of(code, offset, jshell.diagnostics(snippet).collect(Collectors.toList()));
            }
            JShellException exception = event.exception();
            if (exception != null) {
                checkStopped(control);
                throw runtimeFailure(exception, control);
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                noteUnresolved(snippet);
            }
            if (isValueSnippet(snippet) || variables
                    && snippet.subKind() == Snippet.SubKind.VAR_DECLARATION_WITH_INITIALIZER_SUBKIND) {
                value = new CellValue(control.lastValue());
            }
        }
        return value;
    }

    private static boolean isValueSnippet(Snippet snippet) {
        Snippet.SubKind kind = snippet.subKind();
        return kind == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND || kind == Snippet.SubKind.VAR_VALUE_SUBKIND;
    }

    private CellFailure runtimeFailure(JShellException exception, JmpExecutionControl control) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            DeclarationSnippet snippet = unresolved.getSnippet();
            String missing = String.join(", ", jshell.unresolvedDependencies(snippet).collect(Collectors.toList()));
            String message = "cannot use " + snippet.name() + " until " + (missing.isEmpty() ? "its errors are fixed" : missing
                    + (missing.contains(",") ? " are" : " is") + " defined");
            return CellFailure.ofMessage("UnresolvedReference", message);
        }
        Throwable real = control.lastThrowable();
        if (real != null) {
            return new CellFailure(StackTraceCleaner.userClassName(real.getClass().getName()),
                    String.valueOf(text.translate(real.getLocalizedMessage())), cleaner.format(real, exception));
        }
        String name = exception instanceof EvalException eval ? eval.getExceptionClassName() : exception.getClass().getName();
        List<String> lines = new ArrayList<>(cleaner.format(exception));
        if (!lines.isEmpty()) {
            lines.set(0, StackTraceCleaner.userClassName(name)
                    + (exception.getMessage() == null ? "" : ": " + text.translate(exception.getMessage())));
        }
        return new CellFailure(StackTraceCleaner.userClassName(name), String.valueOf(text.translate(exception.getMessage())),
                lines);
    }

    private void noteUnresolved(Snippet snippet) {
        if (snippet instanceof DeclarationSnippet declaration) {
            List<String> missing = jshell.unresolvedDependencies(declaration).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                notes.println("Note: " + declaration.name() + " is defined, but cannot be used until "
                        + String.join(", ", missing) + (missing.size() > 1 ? " are" : " is") + " defined.");
                notes.flush();
            }
        }
    }

    private static void checkStopped(JmpExecutionControl control) throws CellFailure {
        if (control.stopRequested()) {
            throw new CellFailure("Interrupted", "The cell was interrupted.",
                    List.of("Interrupted: the cell was interrupted (kernel interrupt). "
                            + "Definitions made before the interrupt are kept."));
        }
    }

    @Override
    public void close() {
        jshell.close();
    }
}
