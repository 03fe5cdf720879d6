package dev.jmp.internal.service;

/** Holds this JVM's service client: the wire client in a worker, the local one in the parent. */
public final class ServiceClients {

    private static volatile ServiceClient current;

    private ServiceClients() {
    }

    /** Installs the client of this JVM (the worker does at start). */
    public static void install(ServiceClient client) {
        current = client;
    }

    /** Returns the client of this JVM, starting the parent's runtime if needed. */
    public static ServiceClient current() {
        ServiceClient c = current;
        return c != null ? c : ParentRuntime.get().localServices();
    }
}
