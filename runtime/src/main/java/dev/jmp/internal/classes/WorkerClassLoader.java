package dev.jmp.internal.classes;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A worker's task class loader: the worker's own classpath first, then user jars added at run
 * time, then the parent, asked over the wire and cached here (including misses), so code
 * defined only in the parent (a test, a notebook cell) runs in a worker that never saw it.
 */
public final class WorkerClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final RemoteFetcher fetcher;
    private final Set<String> missing = ConcurrentHashMap.newKeySet();
    private final Map<String, byte[]> resources = new ConcurrentHashMap<>();

    /** Creates the loader over the system loader. */
    public WorkerClassLoader(RemoteFetcher fetcher) {
        super("jmp-worker", new URL[0], ClassLoader.getSystemClassLoader());
        this.fetcher = fetcher;
    }

    /** Adds a jar or directory. */
    public void addPath(Path path) {
        try {
            addURL(path.toUri().toURL());
            missing.clear();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a classpath entry: " + path, e);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        try {
            return super.findClass(name);
        } catch (ClassNotFoundException local) {
            if (missing.contains(name)) {
                throw local;
            }
            byte[] bytes;
            try {
                bytes = fetcher.fetch(name, false);
            } catch (java.io.UncheckedIOException e) {
                throw new ClassNotFoundException(name + " (the parent did not answer: " + e.getMessage() + ")", e);
            }
            if (bytes == null) {
                missing.add(name);
                throw new ClassNotFoundException(name + " (not on the worker's classpath, and the parent has no such class)");
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    @Override
    public URL findResource(String name) {
        URL local = super.findResource(name);
        if (local != null || missing.contains("/" + name)) {
            return local;
        }
        byte[] bytes;
        try {
            bytes = resources.computeIfAbsent(name, n -> {
                byte[] b = fetcher.fetch(n, true);
                return b == null ? new byte[0] : b;
            });
        } catch (java.io.UncheckedIOException e) {
            return null;
        }
        if (bytes.length == 0) {
            missing.add("/" + name);
            return null;
        }
        try {
            return new URL("jmp", "parent", -1, "/" + name, new BytesHandler(bytes));
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    public Enumeration<URL> findResources(String name) throws java.io.IOException {
        Enumeration<URL> local = super.findResources(name);
        if (local.hasMoreElements()) {
            return local;
        }
        URL remote = findResource(name);
        return remote == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(remote));
    }

    private static final class BytesHandler extends URLStreamHandler {
        private final byte[] bytes;

        BytesHandler(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        protected URLConnection openConnection(URL u) {
            return new URLConnection(u) {
                @Override
                public void connect() {
                    connected = true;
                }

                @Override
                public InputStream getInputStream() {
                    return new ByteArrayInputStream(bytes);
                }

                @Override
                public long getContentLengthLong() {
                    return bytes.length;
                }
            };
        }
    }
}
