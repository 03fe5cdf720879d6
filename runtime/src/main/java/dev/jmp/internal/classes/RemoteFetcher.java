package dev.jmp.internal.classes;

/** How a worker's class loader asks its parent for bytes it lacks. */
@FunctionalInterface
public interface RemoteFetcher {

    /**
     * Fetches a class or resource from the parent, blocking until it answers.
     *
     * @param name     a class binary name, or a resource path when {@code resource} is true
     * @param resource whether {@code name} is a resource path
     * @return the bytes, or {@code null} if the parent does not have them
     * @throws java.io.UncheckedIOException if the parent did not answer (nothing is cached then)
     */
    byte[] fetch(String name, boolean resource);
}
