package dev.jmp.internal.service;

import java.util.ServiceLoader;

/**
 * The parent's runtime as the lower layers need it: its local service client (started on first
 * use) and the loader received values are decoded with. A worker installs its own client
 * ({@link ServiceClients#install}); in the parent the supervisor provides this, found with
 * {@link ServiceLoader} so that this package and the worker's stay below the supervisor that
 * uses them.
 */
public interface ParentRuntime {

    /**
     * @return the parent's service client, starting the runtime if it is not running
     */
    ServiceClient localServices();

    /**
     * @return the loader results and received values are deserialized with in the parent
     */
    ClassLoader resultLoader();

    /**
     * @return the provider listed in {@code META-INF/services} (the supervisor's)
     * @throws IllegalStateException if the runtime jar lost its service file
     */
    static ParentRuntime get() {
        return Holder.INSTANCE;
    }

    /** Looks the provider up once, on first use. */
    final class Holder {

        private static final ParentRuntime INSTANCE = ServiceLoader.load(ParentRuntime.class,
                ParentRuntime.class.getClassLoader()).findFirst().orElseThrow(() -> new IllegalStateException(
                        "no " + ParentRuntime.class.getName() + " provider: the jmp runtime jar is incomplete"));

        private Holder() {
        }
    }
}
