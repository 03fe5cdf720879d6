package dev.jmp;

import dev.jmp.internal.service.QueueCalls;

/**
 * Where a queue or pipe sends its calls. Made with a runtime, to that runtime's queue service.
 * Made or received without one, the convenience rule: in a worker, to its parent (through the
 * worker's link, the only way out of a worker); in the parent, to the default runtime.
 */
final class QueueHome {

    private QueueHome() {
    }

    /** The calls to {@code runtime}'s queue service, from the process it runs in. */
    static QueueCalls of(JmpRuntime runtime) {
        return new QueueCalls(runtime.supervisor().localServices(), () -> runtime.settings().resultLoader());
    }

    /** The calls of a queue made or received without a runtime (see the class comment). */
    static QueueCalls here() {
        QueueCalls worker = QueueCalls.ofWorker();
        return worker != null ? worker : of(JmpRuntime.defaultRuntime());
    }
}
