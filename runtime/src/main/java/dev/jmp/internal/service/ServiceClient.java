package dev.jmp.internal.service;

import java.util.List;

/**
 * How code in any process calls a service: over the wire in a worker, directly in the parent.
 * A worker has one, its link to its parent ({@link ServiceClients#installed()}); the parent has one
 * per runtime (its supervisor's local client).
 */
public interface ServiceClient {

    /**
     * Calls an operation and waits for its reply.
     *
     * @param service the service name
     * @param op      the operation
     * @param args    an argument record (encoded as JSON), or {@code null}
     * @param frames  user values, already encoded
     * @return the reply
     * @throws dev.jmp.error.RemoteException if the service failed the call
     * @throws InterruptedException    if the calling thread is interrupted while waiting (the call
     *                                 is then withdrawn from the service)
     */
    ServiceResult call(String service, String op, Object args, List<byte[]> frames) throws InterruptedException;

    /**
     * Calls an operation whose caller will not act on an interrupt while waiting: one the service
     * answers at once, or a wait the caller would not cut short anyway (such as
     * {@code Lock.lock()}). The client may then wait in ways an interrupt does not end (a worker
     * reads the reply straight off a direct connection, one thread wake-up less). An interrupt
     * may still end the wait where the client cannot avoid it. Otherwise as {@link #call}.
     */
    default ServiceResult callQuick(String service, String op, Object args, List<byte[]> frames)
            throws InterruptedException {
        return call(service, op, args, frames);
    }

    /**
     * Sends an operation without waiting for (or getting) a reply. Such operations may be held
     * back for a millisecond and sent together; they stay in order, and they all leave before
     * any later {@link #call} from this process, and before a task's result.
     */
    void send(String service, String op, Object args, List<byte[]> frames);

    /** Sends every one-way operation held back so far. */
    default void flush() {
    }

    /** This process's id on the wire ({@code p} in the parent). */
    String selfId();
}
