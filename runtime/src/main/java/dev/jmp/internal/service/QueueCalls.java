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
import java.util.function.Supplier;

/**
 * Calls to one runtime's queue service, with its errors as local exceptions: through the
 * runtime's own client in the process that hosts the queues, through a worker's link to its parent
 * in a worker. A queue is given its calls when it is made, and after it travelled, by the process
 * that received it; nothing here looks a runtime up.
 */
public final class QueueCalls {

    private static final Set<ErrorCode> LOCAL = EnumSet.of(ErrorCode.QUEUE_FULL, ErrorCode.QUEUE_EMPTY,
            ErrorCode.PIPE_CLOSED, ErrorCode.ILLEGAL_STATE, ErrorCode.UNSUPPORTED_OPERATION);

    private final ServiceClient client;
    private final Supplier<ClassLoader> valueLoader;

    /**
     * Calls through a client.
     *
     * @param client      the client of the process that hosts the queue service, or a worker's link to it
     * @param valueLoader the loader received items are decoded with (asked at each get: it may change)
     */
    public QueueCalls(ServiceClient client, Supplier<ClassLoader> valueLoader) {
        this.client = client;
        this.valueLoader = valueLoader;
    }

    /**
     * The calls of this worker to its parent's queue service, through the link the worker
     * installed at its start; {@code null} outside workers.
     */
    public static QueueCalls ofWorker() {
        ServiceClient link = ServiceClients.installed();
        return link == null ? null : new QueueCalls(link, ServiceClients::installedValueLoader);
    }

    public long create(int maxsize, boolean joinable) {
        return call(QueueOp.CREATE, new QueueService.Create(maxsize, joinable), List.of()).as(QueueService.Number.class).value();
    }

    public static long millis(Duration timeout) {
        return Durations.check(timeout).toMillis();
    }

    public ServiceResult call(QueueOp op, Object args, List<byte[]> frames) {
        try {
            return client.call(QueueService.NAME, op.wire(), args, frames);
        } catch (InterruptedException e) {
            throw new WaitInterruptedException("a queue", e);
        } catch (RemoteException e) {
            throw translate(e);
        }
    }

    public void send(QueueOp op, Object args, List<byte[]> frames) {
        client.send(QueueService.NAME, op.wire(), args, frames);
    }

    public void put(long id, Object item, long timeoutMillis, boolean async) {
        byte[] b = Values.encode(item, "item");
        if (async) {
            send(QueueOp.PUT, new QueueService.Op(id, -1), List.of(b));
        } else {
            call(QueueOp.PUT, new QueueService.Op(id, timeoutMillis), List.of(b));
        }
    }

    @SuppressWarnings("unchecked")
    public <E> E get(long id, long timeoutMillis) {
        ServiceResult r = call(QueueOp.GET, new QueueService.Op(id, timeoutMillis), List.of());
        return (E) Values.decode(r.frames().get(0), valueLoader.get());
    }

    public long number(QueueOp op, long id, long timeoutMillis) {
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
