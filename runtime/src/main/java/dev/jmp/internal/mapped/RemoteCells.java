package dev.jmp.internal.mapped;

/**
 * Where a {@link MappedRef} deserialized on another host goes: to the installed
 * {@link RemoteCellsFactory}, else to the one the runtime provides as a service (the manager
 * backend, {@code META-INF/services}), or to a clear error while there is none.
 */
public final class RemoteCells {

    private static volatile RemoteCellsFactory factory;

    private RemoteCells() {
    }

    /**
     * Installs the factory used for references whose host differs from this one.
     *
     * @param remote the factory, or {@code null} to remove it
     */
    public static void install(RemoteCellsFactory remote) {
        factory = remote;
    }

    /** The factory the runtime provides, looked up on first need (this package cannot name it). */
    private static final class Provided {
        static final RemoteCellsFactory FACTORY = java.util.ServiceLoader.load(RemoteCellsFactory.class,
                RemoteCells.class.getClassLoader()).findFirst().orElse(null);
    }

    static Cells open(MappedRef ref, String here) {
        RemoteCellsFactory remote = factory;
        if (remote == null) {
            remote = Provided.FACTORY;
        }
        if (remote == null) {
            throw new IllegalStateException(ref.name() + " lives in shared memory on host '"
                    + ref.host() + "' and cannot be mapped on host '" + here
                    + "': shared values and arrays on other hosts need the manager backend, "
                    + "which this process has not installed");
        }
        Cells cells = remote.open(ref);
        if (cells.kind() != ref.kind() || cells.length() != ref.length()) {
            throw new IllegalStateException("remote backend for " + ref.name() + " has "
                    + cells.kind() + "[" + cells.length() + "], expected " + ref.kind() + "["
                    + ref.length() + "]");
        }
        return cells;
    }
}
