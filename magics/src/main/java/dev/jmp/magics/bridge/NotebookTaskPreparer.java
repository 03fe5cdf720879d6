package dev.jmp.magics.bridge;

import dev.jmp.spi.ClassSource;
import dev.jmp.spi.TaskPayload;
import dev.jmp.spi.TaskPreparer;
import dev.jmp.magics.scan.StaticReadAnalyzer;
import dev.jmp.magics.scan.StaticReads;
import dev.jmp.magics.scan.StaticSnapshot;

import java.util.Set;
import java.util.function.Supplier;

/**
 * Copies the notebook variables a task reads into its worker: at dispatch it finds, in the
 * bytecode JShell recorded, the static fields of notebook classes reachable from the task
 * ({@link StaticReadAnalyzer}) and snapshots their current values ({@link StaticSnapshot}),
 * which the worker installs before the task runs. A variable that cannot be sent fails the
 * dispatch, naming it and its type, before any process starts.
 */
public final class NotebookTaskPreparer implements TaskPreparer {

    private final ClassSource classes;
    private final Supplier<Set<String>> classNames;
    private final ClassLoader notebookLoader;
    private StaticReadAnalyzer analyzer;
    private int analyzedClassCount = -1;

    /**
     * Creates the preparer.
     *
     * @param classes        the bytes of the classes JShell defined
     * @param classNames     the names of all of them so far
     * @param notebookLoader the loader that defined them (the values are read from its classes)
     */
    public NotebookTaskPreparer(ClassSource classes, Supplier<Set<String>> classNames, ClassLoader notebookLoader) {
        this.classes = classes;
        this.classNames = classNames;
        this.notebookLoader = notebookLoader;
    }

    /** JShell names every class it defines in package {@code REPL}. */
    static boolean isNotebookClass(String binaryName) {
        return binaryName.startsWith("REPL.");
    }

    @Override
    public TaskPayload prepare(Object task) {
        StaticReads reads = analyzer().fromObject(task);
        if (reads.fields().isEmpty()) {
            return null;
        }
        return StaticSnapshot.capture(reads.fields(), notebookLoader);
    }

    /**
     * One analyzer while the notebook defines no new class, so parsed class files are reused;
     * a new one (which knows the new classes' overrides) after each definition. Class names only
     * grow, so their count tells.
     */
    private synchronized StaticReadAnalyzer analyzer() {
        Set<String> names = classNames.get();
        if (analyzer == null || names.size() != analyzedClassCount) {
            analyzer = new StaticReadAnalyzer(classes, NotebookTaskPreparer::isNotebookClass, names,
                    StaticReadAnalyzer.DEFAULT_MAX_METHODS);
            analyzedClassCount = names.size();
        }
        return analyzer;
    }
}
