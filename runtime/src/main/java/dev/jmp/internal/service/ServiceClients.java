package dev.jmp.internal.service;

/**
 * Holds this JVM's service client (the wire client in a worker, the local one in the parent) and
 * the loader values received from services are decoded with.
 */
public final class ServiceClients {

    private static volatile ServiceClient current;
    private static volatile ClassLoader loader;

    private ServiceClients() {
    }

    /**
     * Installs the client of this JVM (the worker does at start).
     *
     * @param client      the worker's wire client
     * @param valueLoader the worker's task loader, which received values are decoded with
     */
    public static void install(ServiceClient client, ClassLoader valueLoader) {
        current = client;
        loader = valueLoader;
    }

    /** The client a worker installed (to its parent), or {@code null} outside workers. */
    public static ServiceClient installed() {
        return current;
    }

    /** The value loader a worker installed (its task loader), or {@code null} outside workers. */
    public static ClassLoader installedValueLoader() {
        return loader;
    }

    /** Returns the client of this JVM, starting the parent's runtime if needed. */
    public static ServiceClient current() {
        ServiceClient c = current;
        return c != null ? c : ParentRuntime.get().localServices();
    }

    /**
     * The loader values received in this process are deserialized with: the task loader in a
     * worker, the runtime's result loader in the parent.
     *
     * @return that loader
     */
    public static ClassLoader valueLoader() {
        ClassLoader l = loader;
        return l != null ? l : ParentRuntime.get().resultLoader();
    }
}
