package dev.jmp.internal.manager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which runtime of this JVM hosts each manager, by the manager's id. A proxy is a serializable
 * reference (a manager id and an object id) that may reach this JVM as a result or a received
 * value, with no runtime attached; it finds its manager's service here, as a remote reference
 * finds its object in an object table. A manager's entry stays until its runtime stops, so a
 * call to a manager that was shut down still reaches the service and gets its clear error.
 */
final class ManagerHomes {

    private static final Map<String, ManagerService> HOMES = new ConcurrentHashMap<>();

    private ManagerHomes() {
    }

    static void add(String managerId, ManagerService home) {
        HOMES.put(managerId, home);
    }

    static void removeAll(ManagerService home) {
        HOMES.values().removeIf(h -> h == home);
    }

    /** The service hosting {@code managerId} in this JVM, or {@code null} (another JVM's, or its runtime ended). */
    static ManagerService of(String managerId) {
        return managerId == null ? null : HOMES.get(managerId);
    }
}
