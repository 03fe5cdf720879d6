package dev.jmp.kernel.jshell;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

import java.io.File;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JShell's loader delegate for local execution that, besides loading each class, hands its
 * name and bytes to a {@link ClassRecorder}. Every class is first rewritten by
 * {@link LambdaSerializer} (its lambdas made serializable): the rewritten bytes are the ones
 * loaded here and the ones recorded for workers, so both sides hold the same class.
 */
final class RecordingLoaderDelegate implements LoaderDelegate {

    private final JShellClassLoader loader;
    private final ClassRecorder recorder;
    private final NotebookText text;
    private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();

    RecordingLoaderDelegate(JShellClassLoader loader, ClassRecorder recorder, NotebookText text) {
        this.loader = loader;
        this.recorder = recorder;
        this.text = text;
    }

    /** Rewrites, declares and records one class; returns nothing, the loader holds it. */
    private void declare(ClassBytecodes c) {
        LambdaSerializer.Result rewritten = LambdaSerializer.rewrite(c.bytecodes());
        text.recordLambdas(c.name(), rewritten.lambdaLines());
        loader.declare(c.name(), rewritten.bytes());
        recorder.record(c.name(), rewritten.bytes());
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        boolean[] installed = new boolean[classes.length];
        try {
            for (ClassBytecodes c : classes) {
                declare(c);
            }
        } catch (RuntimeException e) {
            // ASM refused the class file: say so where JShell reports load failures.
            throw new ClassInstallException("load: cannot prepare the class for workers: " + e, installed);
        }
        try {
            for (int i = 0; i < classes.length; i++) {
                Class<?> type = loader.loadClass(classes[i].name());
                loaded.put(classes[i].name(), type);
                installed[i] = true;
                // Link now so a broken class fails here, where JShell reports it, not at first use.
                type.getDeclaredMethods();
            }
        } catch (Throwable t) {
            throw new ClassInstallException("load: " + t, installed);
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        for (ClassBytecodes c : classes) {
            declare(c);
        }
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            try {
                loader.addURL(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new InternalException("bad class path entry " + entry + ": " + e.getMessage());
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> type = loaded.get(name);
        return type != null ? type : loader.loadClass(name);
    }
}
