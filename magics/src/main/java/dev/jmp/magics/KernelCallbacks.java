package dev.jmp.magics;

import dev.jmp.classes.ClassSource;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
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
}
