package dev.jmp.magics.scan;

import java.util.Map;

/**
 * Defines classes from a map of class files, child-first for those names, as a worker's class
 * loader does with the bytes the kernel recorded. Unrelated to the loader that first defined them.
 */
final class BytesClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    BytesClassLoader(Map<String, byte[]> classes) {
        super("worker-sim", ClassLoader.getPlatformClassLoader());
        this.classes = Map.copyOf(classes);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
