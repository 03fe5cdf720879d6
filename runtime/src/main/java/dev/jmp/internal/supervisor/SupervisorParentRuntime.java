package dev.jmp.internal.supervisor;

import dev.jmp.internal.service.ParentRuntime;
import dev.jmp.internal.service.ServiceClient;

/**
 * The default runtime as the service layer reaches it in the parent, for queues and pipes, which
 * are made without a runtime (listed in
 * {@code META-INF/services/dev.jmp.internal.service.ParentRuntime}).
 */
public final class SupervisorParentRuntime implements ParentRuntime {

    /** Called by {@link java.util.ServiceLoader}. */
    public SupervisorParentRuntime() {
    }

    @Override
    public ServiceClient localServices() {
        return DefaultSupervisor.get().localServices();
    }

    @Override
    public ClassLoader resultLoader() {
        return RuntimeSettings.global().resultLoader();
    }
}
