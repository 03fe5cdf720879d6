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
    /**
     * In a worker JVM, its own parent: a process started from a worker must see the classes its
     * parent sees (the notebook's, served by the top-level runtime), so what this JVM cannot
     * serve is asked one level up, and so on to the top.
     */
    private static volatile RemoteFetcher upstream;
    private final java.util.concurrent.atomic.AtomicLong bytesServed = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong digestsServed = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Makes every class server of this JVM ask {@code parent} for what it cannot serve itself
     * (a worker does at start, with its own class fetcher).
     */
    public static void setUpstream(RemoteFetcher parent) {
        upstream = parent;
    }

    /**
     * Answers a worker's request: the bytes, or for a digest-first request of a class of at least
     * {@link ClassDigests#MIN_BYTES}, only their digest (see {@link ClassDigests}).
     *
     * @return the reply's bytes ({@code null} if unknown or only the digest is sent) and digest
     */
    public Served serve(String name, boolean resource, boolean digestFirst) {
        byte[] b = resource ? resourceBytes(name) : classBytes(name);
        if (b != null && digestFirst && b.length >= ClassDigests.MIN_BYTES) {
            digestsServed.incrementAndGet();
            return new Served(true, null, ClassDigests.of(b));
        }
        if (b != null) {
            bytesServed.incrementAndGet();
        }
        return new Served(b != null, b, null);
    }

    /**
     * A served class: found or not, with its bytes or only its digest.
     *
     * @param found  whether a source knows it
     * @param bytes  its bytes, unless only the digest is sent
     * @param digest its digest, when sent instead of the bytes
     */
    public record Served(boolean found, byte[] bytes, String digest) {
    }

    /** Classes and resources answered with their bytes so far (for tests and diagnostics). */
    public long bytesServed() {
        return bytesServed.get();
    }

    /** Classes and resources answered with only their digest so far. */
    public long digestsServed() {
        return digestsServed.get();
    }

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
        byte[] b = defaults.classBytes(binaryName);
        return b != null ? b : fromUpstream(binaryName, false);
    }

    private static byte[] fromUpstream(String name, boolean resource) {
        RemoteFetcher up = upstream;
        if (up == null) {
            return null;
        }
        try {
            return up.fetch(name, resource);
        } catch (java.io.UncheckedIOException e) {
            return null; // the parent did not answer: this worker's child learns the class is missing
        }
    }

    /** Returns the bytes of a resource, or {@code null}. */
    public byte[] resourceBytes(String path) {
        if (path.endsWith(".class")) {
            byte[] b = classBytes(path.substring(0, path.length() - 6).replace('/', '.'));
            if (b != null) {
                return b;
            }
        }
        byte[] b = defaults.resourceBytes(path);
        return b != null || !DefaultClassSource.isSafe(path) ? b : fromUpstream(path, true);
    }
}
