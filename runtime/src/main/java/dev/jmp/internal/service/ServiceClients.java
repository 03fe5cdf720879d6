package dev.jmp.internal.service;

/**
 * Holds a worker's link to its parent's services and the loader values received from them are
 * decoded with, installed once at the worker's start. Outside workers nothing is installed: the
 * parent's callers are given their runtime's own client.
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
}
