package dev.jmp.jjava.testkernel;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Defines the classes JShell compiles from bytes it keeps by name, as JJava's delegate does. */
final class TestLoaderDelegate implements LoaderDelegate {

    private final Map<String, byte[]> declaredClasses = new ConcurrentHashMap<>();
    private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();
    private final NotebookLoader loader = new NotebookLoader();

    @Override
    public void load(ExecutionControl.ClassBytecodes[] cbcs) throws ExecutionControl.ClassInstallException {
        boolean[] installed = new boolean[cbcs.length];
        for (int i = 0; i < cbcs.length; i++) {
            declaredClasses.put(cbcs[i].name(), cbcs[i].bytecodes());
        }
        for (int i = 0; i < cbcs.length; i++) {
            try {
                loaded.put(cbcs[i].name(), loader.loadClass(cbcs[i].name()));
                installed[i] = true;
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ExecutionControl.ClassInstallException("cannot load " + cbcs[i].name() + ": " + e, installed);
            }
        }
    }

    @Override
    public void classesRedefined(ExecutionControl.ClassBytecodes[] cbcs) {
        for (ExecutionControl.ClassBytecodes c : cbcs) {
            declaredClasses.put(c.name(), c.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String path) throws ExecutionControl.InternalException {
        for (String entry : path.split(File.pathSeparator)) {
            try {
                loader.add(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ExecutionControl.InternalException("bad class path entry " + entry);
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = loaded.get(name);
        if (c == null) {
            throw new ClassNotFoundException(name);
        }
        return c;
    }

    ClassLoader classLoader() {
        return loader;
    }

    private final class NotebookLoader extends URLClassLoader {
        NotebookLoader() {
            super(new URL[0], TestLoaderDelegate.class.getClassLoader());
        }

        void add(URL url) {
            addURL(url);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = declaredClasses.get(name);
            return bytes == null ? super.findClass(name) : defineClass(name, bytes, 0, bytes.length);
        }
    }
}
