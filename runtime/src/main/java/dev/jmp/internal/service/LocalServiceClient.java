package dev.jmp.internal.service;

import dev.jmp.error.RemoteException;
import dev.jmp.internal.serial.Errors;
import dev.jmp.internal.wire.message.ErrorInfo;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/** The parent's own client: calls go straight to the registry, without the wire. */
public final class LocalServiceClient implements ServiceClient {

    /** The parent's id, as services see it. */
    public static final String PARENT = "p";
    private final ServiceRegistry registry;
    private final AtomicLong ids = new AtomicLong();

    /** Creates a client of a registry. */
    public LocalServiceClient(ServiceRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ServiceResult call(String service, String op, Object args, List<byte[]> frames) throws InterruptedException {
        long id = ids.incrementAndGet();
        CompletableFuture<ServiceResult> reply = new CompletableFuture<>();
        ServiceCall call = ServiceCall.local(PARENT, id, service, op, args, frames, false,
                (Object result, ErrorInfo error, List<byte[]> out) -> {
                    if (error != null) {
                        reply.completeExceptionally(Errors.toException(error));
                    } else {
                        reply.complete(new ServiceResult(null, out, result));
                    }
                });
        registry.dispatch(call);
        try {
            return reply.get();
        } catch (InterruptedException e) {
            if (registry.cancel(PARENT, id)) {
                throw e;
            }
            // Answered before the withdrawal: its reply is on its way and must not be lost (an
            // item taken from a queue, a lock granted).
            Thread.currentThread().interrupt();
            try {
                return uninterruptibly(reply);
            } catch (ExecutionException failed) {
                throw (RemoteException) failed.getCause();
            }
        } catch (ExecutionException e) {
            throw (RemoteException) e.getCause();
        }
    }

    /**
     * Waits for a future, keeping (not acting on) interrupts: the flag is set again on return.
     *
     * @param f   the future
     * @param <T> its value type
     * @return its value
     * @throws ExecutionException if it completed exceptionally
     */
    public static <T> T uninterruptibly(CompletableFuture<T> f) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void send(String service, String op, Object args, List<byte[]> frames) {
        registry.dispatch(ServiceCall.local(PARENT, ids.incrementAndGet(), service, op, args, frames, true,
                (r, e, f) -> { }));
    }

    @Override
    public String selfId() {
        return PARENT;
    }
}
