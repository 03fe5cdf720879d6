package dev.jmp.internal.classes;

import dev.jmp.spi.ClassSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The parent's answer to a worker's missing class: plugged sources first (the kernel's
 * recorded JShell classes), then the {@link DefaultClassSource}.
 */
public final class ClassServer {

    private final List<ClassSource> plugged = new CopyOnWriteArrayList<>();
    private final DefaultClassSource defaults = new DefaultClassSource();

    /** Adds a source that is asked before the default one. */
    public void addSource(ClassSource source) {
        plugged.add(0, source);
    }

    /** Removes a source added earlier. */
    public void removeSource(ClassSource source) {
        plugged.remove(source);
    }

    /** Adds a loader the default source searches. */
    public void addLoader(ClassLoader loader) {
        defaults.addLoader(loader);
    }

    /** Returns the bytes of a class, or {@code null} if no source knows it. */
    public byte[] classBytes(String binaryName) {
        for (ClassSource s : plugged) {
            byte[] b = s.classBytes(binaryName);
            if (b != null) {
                return b;
            }
        }
        return defaults.classBytes(binaryName);
    }

    /** Returns the bytes of a resource, or {@code null}. */
    public byte[] resourceBytes(String path) {
        if (path.endsWith(".class")) {
            byte[] b = classBytes(path.substring(0, path.length() - 6).replace('/', '.'));
            if (b != null) {
                return b;
            }
        }
        return defaults.resourceBytes(path);
    }
}
