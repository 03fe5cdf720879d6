package dev.jmp.internal.manager;

import dev.jmp.internal.mapped.Cells;
import dev.jmp.internal.mapped.MappedRef;
import dev.jmp.internal.mapped.RemoteCellsFactory;
import dev.jmp.internal.worker.WorkerContext;
import java.util.List;

/**
 * How a worker uses a memory-mapped array (or counter) made on another host: through its
 * runtime's implicit manager, which maps the file on its own host and serves every operation
 * ({@link ArrayObject#view}). Each operation is then a round trip to the parent instead of a
 * memory access, and stays atomic against the processes that map the file. An array made on a
 * host the parent is not on either cannot be reached this way; opening it fails with an error
 * that names both hosts.
 */
public final class MappedFallback implements RemoteCellsFactory {

    /** At most this many views are remembered (each is a few fields); beyond, each open asks again. */
    private static final int MAX_VIEWS = 4096;
    /** The views this worker was given, so a reference received again costs no round trip. */
    private final java.util.Map<MappedRef, ManagerCellsRef> views = new java.util.concurrent.ConcurrentHashMap<>();

    /** The runtime's provider ({@code META-INF/services}), which {@code RemoteCells} finds on first need. */
    public MappedFallback() {
    }

    @Override
    public Cells open(MappedRef ref) {
        if (!WorkerContext.isWorker()) {
            throw new IllegalStateException(ref.name() + " lives in shared memory on host '" + ref.host()
                    + "' and cannot be mapped on host '" + MappedRef.hostHere() + "': another host's arrays are"
                    + " reached from the workers of the runtime that made them, through its manager");
        }
        ManagerCellsRef known = views.get(ref);
        if (known != null) {
            return known.open();
        }
        Cells cells = view(ref, ManagerCalls.call(ManagerOp.MANAGER_START,
                new ManagerRequest(null, 0, 0, ManagerService.IMPLICIT, -1, 0), List.of()).reply().s());
        if (views.size() < MAX_VIEWS) {
            views.put(ref, (ManagerCellsRef) cells.ref());
        }
        return cells;
    }

    /**
     * Opens {@code ref} through {@code manager}, which maps it on its own host.
     *
     * @throws IllegalStateException if that manager cannot map it (another host's array, or one
     *                               closed by its owner)
     */
    public static Cells view(MappedRef ref, String manager) {
        ManagerReply view = ManagerCalls.call(ManagerOp.NEW_MAPPED_VIEW,
                new ManagerRequest(manager, 0, ManagerRequest.caller(), 0, -1, 0),
                List.of(ManagerCalls.encode(ref, "a shared array's reference"))).reply();
        return new ManagerCellsRef(manager, view.v(), ref.name(), ref.kind(), ref.length()).open();
    }
}
