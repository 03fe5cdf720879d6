package dev.jmp.internal.service;

import dev.jmp.error.ErrorCode;
import dev.jmp.error.PipeClosedException;
import dev.jmp.error.QueueEmptyException;
import dev.jmp.error.QueueFullException;
import dev.jmp.internal.serial.Fault;
import dev.jmp.spi.Daemons;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Hosts queues (and the queues under pipes) in the parent, each an {@link ItemQueue}. Items stay
 * encoded here: the parent never deserializes what passes through. Blocking operations park the
 * call and answer it when an item (or room) arrives or its timeout passes; a caller that gives
 * up or dies is forgotten.
 *
 * <p>A queue's id is {@code token << 32 | n}: this runtime's random token and its count, so an id
 * names the runtime that hosts the queue, in any process of the tree. A queue reaches a process
 * as a value (made in the notebook, passed to a child, passed on to a grandchild), and the
 * grandchild's calls come to its own parent's runtime, which does not host it: a call for a
 * queue of another token is passed on to this runtime's parent (in a worker's runtime, the
 * {@link ParentForwarder}), up to the runtime that hosts it. A runtime with no parent refuses
 * such an id with a clear error.
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

    /** The largest count of queues one runtime makes: the low 32 bits of an id. */
    static final long MAX_COUNT = 0xFFFF_FFFFL;

    private final Map<Long, State> queues = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    /** This runtime's part of every id it makes: positive and non-zero, so ids are too. */
    private final long token;
    /** Where calls for another runtime's queues go (this runtime's parent), or {@code null}. */
    private final Supplier<Service> parent;

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

    /** A service with a random token and no parent (tests; a runtime uses {@link #register}). */
    QueueService() {
        this(new SecureRandom().nextInt(1, Integer.MAX_VALUE), () -> null);
    }

    /**
     * @param token  this runtime's token, in 1 .. 2^31-1
     * @param parent where calls for queues of other tokens go, or a supplier of {@code null}
     */
    QueueService(long token, Supplier<Service> parent) {
        if (token <= 0 || token > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a queue token must be in 1.." + Integer.MAX_VALUE + ", not " + token);
        }
        this.token = token;
        this.parent = parent;
    }

    /** Registers the service; calls for other runtimes' queues go to the registry's fallback. */
    public static void register(ServiceRegistry registry) {
        registry.register(NAME, new QueueService(new SecureRandom().nextInt(1, Integer.MAX_VALUE), registry::fallback));
    }

    /** The runtime token in a queue id. */
    static long tokenOf(long id) {
        return id >>> 32;
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
            long n = ids.incrementAndGet();
            if (n > MAX_COUNT) {
                call.fail(new Fault(ErrorCode.ILLEGAL_STATE, "this runtime already made " + MAX_COUNT
                        + " queues, the most its ids can name"));
                return;
            }
            long id = token << 32 | n;
            queues.put(id, new State(Math.max(0, c.maxsize()), c.joinable()));
            call.reply(new Number(id), null);
            return;
        }
        Op op = call.args(Op.class);
        State q = queues.get(op.id());
        if (q == null) {
            Service up = tokenOf(op.id()) == token ? null : parent.get();
            if (up != null) {
                up.handle(call); // an ancestor's queue: ask up the tree
                return;
            }
            call.fail(new Fault(ErrorCode.ILLEGAL_STATE, unknown(op.id())));
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

    private String unknown(long id) {
        if (tokenOf(id) == token) {
            return "queue " + id + " does not exist: this runtime never made it or no longer holds it";
        }
        return "queue " + id + " is not hosted by this process's runtime or any runtime above it"
                + " (a queue works in the process tree of the runtime that made it, and that runtime may"
                + " have been shut down; an id not made by a queue names no queue)";
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
