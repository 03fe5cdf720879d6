package dev.jmp.magics;

import dev.jmp.spi.ClassSource;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the kernel offers to magics, as callbacks: a magic gets these, never the kernel.
 *
 * <p>The kernel implements this once; {@link MagicsProvider}s receive it when they register.
 */
public interface KernelCallbacks {

    /**
     * The running cell's standard output (output written after the cell ended goes to the
     * last cell).
     *
     * @return the stream
     */
    PrintStream out();

    /**
     * The running cell's standard error.
     *
     * @return the stream
     */
    PrintStream err();

    /**
     * The kernel's own log (the terminal running Jupyter), for output that belongs to no cell.
     *
     * @return the stream
     */
    PrintStream log();

    /**
     * Adds jars or class directories to the class path of the notebook's code (the JShell
     * compiler and its class loader), then tells every {@link #onClasspathAdded} listener.
     *
     * @param entries existing jar files or directories
     * @throws MagicException if an entry does not exist or cannot be added
     */
    void addToClasspath(List<Path> entries) throws MagicException;

    /**
     * Every entry added with {@link #addToClasspath} so far, in order.
     *
     * @return the entries
     */
    List<Path> addedClasspath();

    /**
     * Registers a listener told about every class path addition (for example to add the
     * same jars to worker JVMs).
     *
     * @param listener receives the entries just added
     */
    void onClasspathAdded(Consumer<List<Path>> listener);

    /**
     * The bytecode of every class the notebook defined (JShell wrappers, records, lambdas ...).
     *
     * @return the recorded classes
     */
    ClassSource classSource();

    /**
     * The class loader that loaded the notebook's classes: use it to resolve notebook-defined
     * types, for example when deserializing a worker's result.
     *
     * @return the JShell execution class loader
     */
    ClassLoader executionClassLoader();

    /**
     * Resolves Maven coordinates to jar files (with their transitive dependencies).
     *
     * @return the resolver
     */
    ArtifactResolver artifactResolver();

    /**
     * The kernel's working directory: relative paths in magics are resolved against it.
     *
     * @return the directory
     */
    Path workingDirectory();

    /**
     * Registers an action run when the user interrupts the kernel (for example to cancel
     * work started by a magic).
     *
     * @param action run on the interrupting thread; must not block long
     */
    void onInterrupt(Runnable action);

    /**
     * Registers an action run when the kernel shuts down or restarts.
     *
     * @param action run before the kernel exits
     */
    void onShutdown(Runnable action);

    /**
     * Registers an action run once the notebook's JShell has started, before the first cell
     * runs (at once if it already started). Actions may use {@link #classSource()},
     * {@link #executionClassLoader()} and {@link #evaluate}.
     *
     * @param action run on the kernel's start-up thread
     */
    void whenReady(Runnable action);

    /**
     * The binary names of every class the notebook defined so far (JShell's wrapper classes,
     * records, lambdas' host classes ...), for analyses that must know all of them.
     *
     * @return a snapshot of the names
     */
    Set<String> notebookClassNames();

    /**
     * Evaluates Java source in the notebook's JShell as part of the running cell, as if the
     * user had typed it: definitions join the notebook, and later cells see them. Line
     * {@code k} of {@code source} is reported as line {@code k} of the running cell in compile
     * errors and in stack traces (also of workers), so a magic can align its body's lines.
     *
     * <p>Call only from the thread running the magic (JShell is single-threaded).
     *
     * @param source one or more snippets
     * @return the value of the last snippet when it is an expression or an initialized
     *         variable, otherwise {@code null}
     * @throws CellFailure a compile error (with cell line and column) or the exception the code threw
     */
    Object evaluate(String source) throws CellFailure;

    /**
     * Declares (or redeclares) a notebook variable holding a value made by a magic, for example
     * the handles of the processes {@code %%spawn --out procs} started.
     *
     * <p>Call only from the thread running the magic.
     *
     * @param name  the variable's name; must be a Java identifier
     * @param type  its declared type as Java source, for example {@code java.util.List<dev.jmp.Process>};
     *              the value must be an instance of it
     * @param value the value
     * @throws MagicException if the name is not a valid variable name or the type does not compile
     */
    void bind(String name, String type, Object value) throws MagicException;

    /**
     * Hands a value to the next {@link #evaluate} call: returns a Java expression that, evaluated
     * there, yields the value (once). Values not used by the next evaluation are dropped.
     *
     * @param value the value
     * @return an expression of static type {@code Object}
     */
    String handOff(Object value);

    /**
     * The output of the running cell (or of the last one, between cells), pinned to that cell:
     * what a magic publishes through it stays in that cell even after other cells ran.
     *
     * @return the cell's output
     */
    CellOutput cellOutput();

    /**
     * Formats an exception the way cells show errors: frames of notebook code as cell lines
     * ({@code at divide (cell [3], line 2)}), internals of JShell, the kernel and the runtime's
     * worker left out. Works for exceptions from workers ({@link dev.jmp.error.RemoteException}) too.
     *
     * @param error the exception
     * @return the traceback lines
     */
    List<String> formatError(Throwable error);
}
