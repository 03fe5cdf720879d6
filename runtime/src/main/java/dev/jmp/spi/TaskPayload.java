package dev.jmp.spi;

import java.io.Serializable;

/**
 * Something a task needs in the worker besides its own bytes, produced by a
 * {@link TaskPreparer} at dispatch and installed in the worker before the task is rebuilt there.
 * The kernel's payload is a {@link dev.jmp.magics.scan.StaticSnapshot}: the values of the
 * notebook variables the task reads.
 */
public interface TaskPayload extends Serializable {

    /**
     * Installs the payload in the worker.
     *
     * @param workerLoader the worker's task class loader (which defines the notebook's classes)
     * @throws RuntimeException if it cannot be installed; the task then fails with that message
     */
    void install(ClassLoader workerLoader);

    /**
     * The payload this worker passes on to the processes it starts itself, so a grandchild sees
     * the notebook as a child does: by default this payload again; a snapshot of variables reads
     * them afresh, as they are in this worker now (a child that changed a variable passes its
     * value on, as a forked process would).
     *
     * @param workerLoader the loader the payload was installed with in this worker
     * @return the payload for a task this worker dispatches, or {@code null} for none
     * @throws RuntimeException to refuse the dispatch (a value that cannot be sent)
     */
    default TaskPayload forward(ClassLoader workerLoader) {
        return this;
    }
}
