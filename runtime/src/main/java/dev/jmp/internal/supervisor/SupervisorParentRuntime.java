package dev.jmp.internal.supervisor;

import dev.jmp.internal.service.ParentRuntime;
import dev.jmp.internal.service.ServiceClient;

/**
 * The supervisor as the service and worker layers reach the parent's runtime (listed in
 * {@code META-INF/services/dev.jmp.internal.service.ParentRuntime}).
 */
public final class SupervisorParentRuntime implements ParentRuntime {

    /** Called by {@link java.util.ServiceLoader}. */
    public SupervisorParentRuntime() {
    }

    @Override
    public ServiceClient localServices() {
        return Supervisor.get().localServices();
    }

    @Override
    public ClassLoader resultLoader() {
        return RuntimeSettings.global().resultLoader();
    }
}
