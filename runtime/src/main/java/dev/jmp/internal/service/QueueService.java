package dev.jmp.internal.service;

import dev.jmp.error.ErrorCode;
import dev.jmp.error.PipeClosedException;
import dev.jmp.error.QueueEmptyException;
import dev.jmp.error.QueueFullException;
import dev.jmp.internal.serial.Fault;
import dev.jmp.spi.Daemons;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hosts queues (and the queues under pipes) in the parent, each an {@link ItemQueue}. Items stay
 * encoded here: the parent never deserializes what passes through. Blocking operations park the
 * call and answer it when an item (or room) arrives or its timeout passes; a caller that gives
 * up or dies is forgotten.
 */
public final class QueueService implements Service {

    /** The service's name. */
    public static final String NAME = "queue";

    /** Arguments of {@code create}. */
    public record Create(int maxsize, boolean joinable) {
    }

    /** Arguments naming a queue, with a timeout in milliseconds (-1 waits for ever, 0 never). */
    public record Op(long id, long timeoutMillis) {
    }

    /** A queue id, or a count. */
    public record Number(long value) {
    }

    /** Queue timeouts only answer a parked call, so they share the process-wide timer. */
    private static final ParkedCall.Timeouts TIMEOUTS =
            (millis, action) -> Daemons.sharedTimer().schedule(action, millis, TimeUnit.MILLISECONDS);

    private final Map<Long, State> queues = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** One queue: its items and parked gets and puts, plus what joinable queues and pipes add. */
    private static final class State {
        final boolean joinable;
        final int maxsize;
        final ItemQueue items;
        final List<ServiceCall> joiners = new ArrayList<>();
        final Deque<ParkedCall> pollers = new ArrayDeque<>();
        long unfinished;
        boolean writerClosed;

        State(int maxsize, boolean joinable) {
            this.maxsize = maxsize;
            this.joinable = joinable;
            this.items = new ItemQueue(maxsize > 0 ? maxsize : Long.MAX_VALUE, null, this, TIMEOUTS, this::accepted);
        }

        /** An item arrived: count it for join, and tell pollers a get would not wait. */
        private void accepted() {
            if (joinable) {
                unfinished++;
            }
            wakePollers();
        }

        void wakePollers() {
            for (ParkedCall p : pollers) {
                p.reply(new Number(1), null);
            }
            pollers.clear();
        }
    }

    /** Registers the service. */
    public static void register(ServiceRegistry registry) {
        registry.register(NAME, new QueueService());
    }

    @Override
    public void handle(ServiceCall call) {
        QueueOp kind = QueueOp.ofWire(call.op());
        if (kind == null) {
            call.fail(new IllegalArgumentException("unknown queue operation " + call.op()));
            return;
        }
        if (kind == QueueOp.CREATE) {
            Create c = call.args(Create.class);
            long id = ids.incrementAndGet();
            queues.put(id, new State(Math.max(0, c.maxsize()), c.joinable()));
            call.reply(new Number(id), null);
            return;
        }
        Op op = call.args(Op.class);
        State q = queues.get(op.id());
        if (q == null) {
            call.fail(new Fault(ErrorCode.ILLEGAL_STATE, "queue " + op.id() + " does not exist (was the runtime restarted?)"));
            return;
        }
        synchronized (q) {
            switch (kind) {
                case PUT -> put(q, call, op);
                case GET -> get(q, call, op);
                case SIZE -> call.reply(new Number(q.items.size()), null);
                case POLL -> poll(q, call, op);
                case TASK_DONE -> taskDone(q, call);
                case JOIN -> join(q, call);
                case CLOSE_WRITER -> closeWriter(q, call);
                default -> throw new IllegalStateException("unhandled queue operation " + kind);
            }
        }
    }

    private void put(State q, ServiceCall call, Op op) {
        if (call.frames().size() != 1) {
            call.fail(new IllegalArgumentException("put takes one item"));
            return;
        }
        byte[] item = call.frames().get(0);
        if (q.items.offer(item)) {
            call.reply(null, null);
        } else if (op.timeoutMillis() == 0) {
            call.fail(new QueueFullException("the queue is full (maxsize " + q.maxsize + ")"));
        } else {
            q.items.parkPutter(call, item, op.timeoutMillis(), w -> w.fail(new QueueFullException(
                    "the queue stayed full (maxsize " + q.maxsize + ") for " + op.timeoutMillis() + " ms")));
        }
    }

    private void get(State q, ServiceCall call, Op op) {
        if (q.items.take(call)) {
            return;
        }
        if (q.writerClosed) {
            call.fail(new PipeClosedException("the other end of the pipe was closed"));
        } else if (op.timeoutMillis() == 0) {
            call.fail(new QueueEmptyException("the queue is empty"));
        } else {
            q.items.parkGetter(call, op.timeoutMillis(), w -> w.fail(
                    new QueueEmptyException("the queue stayed empty for " + op.timeoutMillis() + " ms")));
        }
    }

    private void poll(State q, ServiceCall call, Op op) {
        if (!q.items.isEmpty() || q.writerClosed || op.timeoutMillis() == 0) {
            call.reply(new Number(q.items.isEmpty() && !q.writerClosed ? 0 : 1), null);
            return;
        }
        ParkedCall.park(new ParkedCall(call), q.pollers, q, TIMEOUTS, op.timeoutMillis(),
                w -> w.reply(new Number(0), null), null);
    }

    private void taskDone(State q, ServiceCall call) {
        if (!q.joinable) {
            call.fail(new Fault(ErrorCode.UNSUPPORTED_OPERATION, "taskDone() needs a JoinableQueue"));
            return;
        }
        if (q.unfinished <= 0) {
            call.fail(new Fault(ErrorCode.ILLEGAL_STATE, "taskDone() called more times than items were put"));
            return;
        }
        q.unfinished--;
        call.reply(null, null);
        if (q.unfinished == 0) {
            for (ServiceCall j : q.joiners) {
                j.reply(null, null);
            }
            q.joiners.clear();
        }
    }

    private void join(State q, ServiceCall call) {
        if (!q.joinable) {
            call.fail(new Fault(ErrorCode.UNSUPPORTED_OPERATION, "join() needs a JoinableQueue"));
            return;
        }
        if (q.unfinished == 0) {
            call.reply(null, null);
            return;
        }
        q.joiners.add(call);
        call.onCancel(() -> {
            synchronized (q) {
                q.joiners.remove(call);
            }
        });
    }

    private void closeWriter(State q, ServiceCall call) {
        q.writerClosed = true;
        q.wakePollers();
        q.items.failGetters(new PipeClosedException("the other end of the pipe was closed"));
        call.reply(null, null);
    }
}
