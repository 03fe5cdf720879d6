package dev.jmp.magics;

/**
 * A set of magics that registers itself: the kernel finds every provider with
 * {@link java.util.ServiceLoader} (listed in {@code META-INF/services/dev.jmp.magics.MagicsProvider})
 * and calls {@link #register} once at start-up.
 *
 * <p>This is how magics added later (for example {@code %%spawn}) join the kernel without the
 * kernel knowing them.
 */
public interface MagicsProvider {

    /**
     * Registers this provider's magics.
     *
     * @param catalog   where to register (each magic with its {@link MagicDoc})
     * @param callbacks what the kernel offers; keep only the callbacks the magics need
     */
    void register(MagicCatalog catalog, KernelCallbacks callbacks);
}
