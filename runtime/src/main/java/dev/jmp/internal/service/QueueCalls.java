package dev.jmp.internal.service;

import dev.jmp.error.ErrorCode;
import dev.jmp.error.JmpException;
import dev.jmp.error.RemoteException;
import dev.jmp.error.WaitInterruptedException;
import dev.jmp.internal.serial.Values;
import dev.jmp.internal.util.Durations;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Calls to the parent's queue service from any process, with its errors as local exceptions. */
public final class QueueCalls {

    private static final Set<ErrorCode> LOCAL = EnumSet.of(ErrorCode.QUEUE_FULL, ErrorCode.QUEUE_EMPTY,
            ErrorCode.PIPE_CLOSED, ErrorCode.ILLEGAL_STATE, ErrorCode.UNSUPPORTED_OPERATION);

    private QueueCalls() {
    }

    public static long create(int maxsize, boolean joinable) {
        return call(QueueOp.CREATE, new QueueService.Create(maxsize, joinable), List.of()).as(QueueService.Number.class).value();
    }

    public static long millis(Duration timeout) {
        return Durations.check(timeout).toMillis();
    }

    public static ServiceResult call(QueueOp op, Object args, List<byte[]> frames) {
        try {
            return ServiceClients.current().call(QueueService.NAME, op.wire(), args, frames);
        } catch (InterruptedException e) {
            throw new WaitInterruptedException("a queue", e);
        } catch (RemoteException e) {
            throw translate(e);
        }
    }

    public static void send(QueueOp op, Object args, List<byte[]> frames) {
        ServiceClients.current().send(QueueService.NAME, op.wire(), args, frames);
    }

    public static void put(long id, Object item, long timeoutMillis, boolean async) {
        byte[] b = Values.encode(item, "item");
        if (async) {
            send(QueueOp.PUT, new QueueService.Op(id, -1), List.of(b));
        } else {
            call(QueueOp.PUT, new QueueService.Op(id, timeoutMillis), List.of(b));
        }
    }

    @SuppressWarnings("unchecked")
    public static <E> E get(long id, long timeoutMillis) {
        ServiceResult r = call(QueueOp.GET, new QueueService.Op(id, timeoutMillis), List.of());
        return (E) Values.decode(r.frames().get(0), ServiceClients.valueLoader());
    }

    public static long number(QueueOp op, long id, long timeoutMillis) {
        return call(op, new QueueService.Op(id, timeoutMillis), List.of()).as(QueueService.Number.class).value();
    }

    /**
     * The queue service's own failures as the local exceptions their codes name; the illegal
     * state and unsupported operation ones keep the remote exception as their cause.
     */
    private static RuntimeException translate(RemoteException e) {
        ErrorCode code = e.code();
        if (!LOCAL.contains(code)) {
            return e;
        }
        RuntimeException local = code.exception(e.remoteMessage());
        if (!(local instanceof JmpException)) {
            local.initCause(e);
        }
        return local;
    }
}
