package dev.jmp.shared;

import dev.jmp.JmpRuntime;
import dev.jmp.Worker;
import dev.jmp.internal.manager.ManagerCalls;
import dev.jmp.internal.manager.ManagerOp;
import dev.jmp.internal.manager.ManagerRequest;
import dev.jmp.internal.manager.ManagerService;
import dev.jmp.internal.supervisor.RuntimeAccess;
import java.util.List;

/**
 * The manager behind the objects made without one ({@link Shared#lock()}, {@link Shared#event()},
 * a shared value's {@code getLock()} ...), as Python's {@code multiprocessing.Lock()} needs no
 * {@code Manager}. It runs in the parent runtime, started on first use, and lives as long as the
 * runtime; a worker asks its parent for the same one, so an object made anywhere is one object
 * everywhere. Nobody can shut it down but the runtime's end.
 */
final class ImplicitManager {

    private static Manager inWorker;

    private ImplicitManager() {
    }

    /** The implicit manager of this process's runtime (the parent's, in a worker). */
    static synchronized Manager get() {
        if (Worker.inWorker()) {
            if (inWorker == null) {
                inWorker = new Manager(ManagerCalls.call(ManagerOp.MANAGER_START,
                        new ManagerRequest(null, 0, 0, ManagerService.IMPLICIT, -1, 0), List.of()).reply().s());
            }
            return inWorker;
        }
        JmpRuntime runtime = JmpRuntime.defaultRuntime();
        // The service remembers its implicit manager; a new runtime (after a shutdown) starts another.
        return new Manager(ManagerService.in(RuntimeAccess.supervisor(runtime)).implicit());
    }
}
