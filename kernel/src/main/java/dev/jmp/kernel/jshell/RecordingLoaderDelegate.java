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
 * name and bytes to a {@link ClassRecorder}.
 */
final class RecordingLoaderDelegate implements LoaderDelegate {

    private final JShellClassLoader loader;
    private final ClassRecorder recorder;
    private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();

    RecordingLoaderDelegate(JShellClassLoader loader, ClassRecorder recorder) {
        this.loader = loader;
        this.recorder = recorder;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        boolean[] installed = new boolean[classes.length];
        for (ClassBytecodes c : classes) {
            loader.declare(c.name(), c.bytecodes());
            recorder.record(c.name(), c.bytecodes());
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
            loader.declare(c.name(), c.bytecodes());
            recorder.record(c.name(), c.bytecodes());
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
