package dev.jmp.internal.manager;

import dev.jmp.error.ErrorCode;
import dev.jmp.error.ManagerClosedException;
import dev.jmp.error.RemoteException;
import dev.jmp.error.SerializationException;
import dev.jmp.error.WaitInterruptedException;
import dev.jmp.internal.serial.Values;
import dev.jmp.internal.service.ServiceClient;
import dev.jmp.internal.service.ServiceClients;
import dev.jmp.internal.service.ServiceResult;
import dev.jmp.internal.worker.WorkerContext;
import java.util.List;

/**
 * The proxies' side of the manager protocol: sends an operation through this process's service
 * client (the wire in a worker, a direct call in the parent), and turns the manager's errors back
 * into the Java exceptions their {@link ErrorCode} names, without the manager's internal stack. A
 * failure of a user function the manager ran stays a {@link RemoteException} with the function's
 * own trace (unless it is one of jmp's own, such as a {@code SerializationException}).
 */
public final class ManagerCalls {

    private ManagerCalls() {
    }

    /**
     * A reply and its user values.
     *
     * @param loader what the values are decoded with: the task loader in a worker, the hosting
     *               runtime's result loader in the parent
     */
    public record Result(ManagerReply reply, List<byte[]> frames, ClassLoader loader) {

        /** Decodes user value {@code i}. */
        public Object value(int i) {
            return Values.decode(frames.get(i), loader);
        }
    }

    /**
     * Runs an operation that answers at once. An interrupt flag already set does not abort it
     * (it is restored afterwards); an interrupt during the round trip does.
     *
     * @throws WaitInterruptedException if interrupted while waiting for the reply (the operation
     *                                  may or may not have taken effect)
     */
    public static Result call(ManagerOp op, ManagerRequest r, List<byte[]> frames) {
        boolean wasInterrupted = Thread.interrupted();
        try {
            return invoke(op, r, frames, true);
        } catch (InterruptedException e) {
            throw new WaitInterruptedException(op.wire() + " on manager " + r.m()
                    + " (the operation may or may not have taken effect)", e);
        } finally {
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs an operation that may wait; an interrupt withdraws it from the manager. */
    public static Result await(ManagerOp op, ManagerRequest r, List<byte[]> frames) throws InterruptedException {
        return invoke(op, r, frames, false);
    }

    private static Result invoke(ManagerOp op, ManagerRequest r, List<byte[]> frames, boolean quick)
            throws InterruptedException {
        try {
            ManagerService home = ManagerHomes.of(r.m());
            ServiceClient client = home != null ? home.localClient() : client(r.m());
            ServiceResult res = quick ? client.callQuick(ManagerService.NAME, op.wire(), r, frames)
                    : client.call(ManagerService.NAME, op.wire(), r, frames);
            ManagerReply reply = res.as(ManagerReply.class);
            return new Result(reply == null ? ManagerReply.NONE : reply, res.frames(),
                    home != null ? home.loader() : workerLoader());
        } catch (RemoteException e) {
            throw translate(e, r.m());
        }
    }

    /** Sends an operation without waiting (the calling process's operations stay in order). */
    public static void send(ManagerOp op, ManagerRequest r) {
        ManagerService home = ManagerHomes.of(r.m());
        (home != null ? home.localClient() : client(r.m())).send(ManagerService.NAME, op.wire(), r, List.of());
    }

    /**
     * The client for a manager this JVM does not host: a worker's own wire client (its parent
     * hosts the manager, or answers that it is gone).
     */
    private static ServiceClient client(String manager) {
        if (!WorkerContext.isWorker()) {
            throw new ManagerClosedException("manager " + manager
                    + " is not running: the jmp runtime that hosted it was shut down");
        }
        return ServiceClients.installed();
    }

    private static ClassLoader workerLoader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l == null ? ManagerCalls.class.getClassLoader() : l;
    }

    static RuntimeException translate(RemoteException e, String manager) {
        if (e.code() == ErrorCode.NO_SUCH_SERVICE) {
            return new ManagerClosedException("manager " + manager
                    + " is not running in this runtime (the runtime that hosted it was shut down)");
        }
        RuntimeException local = e.code().exception(e.remoteMessage() == null ? "" : e.remoteMessage());
        return local == null ? e : local;
    }

    /**
     * Encodes a user value for the manager.
     *
     * @param what how the value is named in an error, such as {@code the value of put}
     * @throws SerializationException naming the value's type if it cannot be serialized
     */
    public static byte[] encode(Object value, String what) {
        if (value != null && STATELESS.get(value.getClass())) {
            java.util.concurrent.atomic.AtomicReference<byte[]> held = LAMBDA_BYTES.get(value.getClass());
            byte[] b = held.get();
            if (b == null) {
                b = Values.encode(value, what);
                held.set(b);
            }
            return b;
        }
        return Values.encode(value, what);
    }

    /**
     * Lambdas and method references that capture nothing: every instance of such a class is the
     * same function, so its serialized form (a few hundred bytes that cost tens of microseconds
     * to produce) is made once per class; {@code merge(k, 1, Integer::sum)} then costs no more
     * than a plain call. A capturing lambda has fields and is encoded afresh each time.
     */
    private static final ClassValue<Boolean> STATELESS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.isSynthetic() && type.getName().contains("$$Lambda")
                    && java.io.Serializable.class.isAssignableFrom(type)
                    && java.util.Arrays.stream(type.getDeclaredFields())
                    .allMatch(f -> java.lang.reflect.Modifier.isStatic(f.getModifiers()));
        }
    };

    private static final ClassValue<java.util.concurrent.atomic.AtomicReference<byte[]>> LAMBDA_BYTES =
            new ClassValue<>() {
                @Override
                protected java.util.concurrent.atomic.AtomicReference<byte[]> computeValue(Class<?> type) {
                    return new java.util.concurrent.atomic.AtomicReference<>();
                }
            };
}
