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
}
