package dev.jmp.internal.classes;

import dev.jmp.spi.ClassSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The runtime's default class source: the parent's own classpath and class loaders (the loader
 * that created the runtime, the thread's context loader, the system loader, and any added with
 * {@link #addLoader}), read as resources. A class defined from bytes alone has no resource and
 * needs a plugged {@link ClassSource} instead.
 */
public final class DefaultClassSource implements ClassSource {

    private final List<ClassLoader> loaders = new CopyOnWriteArrayList<>();

    /** Creates a source over the context loader of the calling thread and the system loader. */
    public DefaultClassSource() {
        addLoader(Thread.currentThread().getContextClassLoader());
        addLoader(DefaultClassSource.class.getClassLoader());
        addLoader(ClassLoader.getSystemClassLoader());
    }

    /** Adds a loader to search (after the ones already known). */
    public void addLoader(ClassLoader loader) {
        if (loader != null && !loaders.contains(loader)) {
            loaders.add(loader);
        }
    }

    @Override
    public byte[] classBytes(String binaryName) {
        return resourceBytes(binaryName.replace('.', '/') + ".class");
    }

    /**
     * Returns a resource from the parent's loaders, or {@code null}.
     *
     * @param path a relative resource path; paths that climb ({@code ..}) or are absolute are refused
     */
    public byte[] resourceBytes(String path) {
        if (!isSafe(path)) {
            return null;
        }
        for (ClassLoader l : loaders) {
            try (InputStream in = l.getResourceAsStream(path)) {
                if (in != null) {
                    return in.readAllBytes();
                }
            } catch (IOException e) {
                // try the next loader
            }
        }
        return null;
    }

    /** Whether a resource path is relative and does not climb. */
    public static boolean isSafe(String path) {
        return path != null && !path.isEmpty() && !path.startsWith("/") && !path.contains("..")
                && !path.contains("\\") && !path.contains(":");
    }
}
