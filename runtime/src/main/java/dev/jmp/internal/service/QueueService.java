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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hosts queues (and the queues under pipes) in the parent. Items stay encoded here: the parent
 * never deserializes what passes through. Blocking operations park the call and answer it when
 * an item (or room) arrives or its timeout passes; a caller that gives up or dies is forgotten.
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

    private static final ScheduledExecutorService TIMER = Daemons.sharedTimer();

    private final Map<Long, State> queues = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    private static final class Waiter {
        final ServiceCall call;
        final byte[] item;
        ScheduledFuture<?> timeout;

        Waiter(ServiceCall call, byte[] item) {
            this.call = call;
            this.item = item;
        }
    }

    private static final class State {
        final long id;
        final int maxsize;
        final boolean joinable;
        final Deque<byte[]> items = new ArrayDeque<>();
        final Deque<Waiter> getters = new ArrayDeque<>();
        final Deque<Waiter> putters = new ArrayDeque<>();
        final List<ServiceCall> joiners = new ArrayList<>();
        final Deque<Waiter> pollers = new ArrayDeque<>();
        long unfinished;
        boolean writerClosed;

        State(long id, int maxsize, boolean joinable) {
            this.id = id;
            this.maxsize = maxsize;
            this.joinable = joinable;
        }

        boolean full() {
            return maxsize > 0 && items.size() >= maxsize;
        }
    }

    /** Registers the service. */
    public static void register(ServiceRegistry registry) {
        registry.register(NAME, new QueueService());
    }

    @Override
    public void handle(ServiceCall call) {
        if ("create".equals(call.op())) {
            Create c = call.args(Create.class);
            long id = ids.incrementAndGet();
            queues.put(id, new State(id, Math.max(0, c.maxsize()), c.joinable()));
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
            switch (call.op()) {
                case "put" -> put(q, call, op);
                case "get" -> get(q, call, op);
                case "size" -> call.reply(new Number(q.items.size()), null);
                case "poll" -> poll(q, call, op);
                case "taskDone" -> taskDone(q, call);
                case "join" -> join(q, call);
                case "closeWriter" -> closeWriter(q, call);
                default -> call.fail(new IllegalArgumentException("unknown queue operation " + call.op()));
            }
        }
    }

    private void put(State q, ServiceCall call, Op op) {
        if (call.frames().size() != 1) {
            call.fail(new IllegalArgumentException("put takes one item"));
            return;
        }
        byte[] item = call.frames().get(0);
        if (!q.full()) {
            accept(q, item);
            call.reply(null, null);
            return;
        }
        if (op.timeoutMillis() == 0) {
            call.fail(new QueueFullException("the queue is full (maxsize " + q.maxsize + ")"));
            return;
        }
        Waiter w = new Waiter(call, item);
        q.putters.add(w);
        call.onCancel(() -> {
            synchronized (q) {
                q.putters.remove(w);
            }
        });
        if (op.timeoutMillis() > 0) {
            w.timeout = TIMER.schedule(() -> {
                synchronized (q) {
                    if (q.putters.remove(w)) {
                        w.call.fail(new QueueFullException("the queue stayed full (maxsize " + q.maxsize + ") for "
                                + op.timeoutMillis() + " ms"));
                    }
                }
            }, op.timeoutMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stores an item or hands it straight to a waiting getter. */
    private void accept(State q, byte[] item) {
        if (q.joinable) {
            q.unfinished++;
        }
        wakePollers(q);
        while (!q.getters.isEmpty()) {
            Waiter g = q.getters.poll();
            cancelTimer(g);
            if (g.call.reply(null, List.of(item))) {
                return;
            }
        }
        q.items.add(item);
    }

    private void get(State q, ServiceCall call, Op op) {
        if (!q.items.isEmpty()) {
            byte[] item = q.items.poll();
            if (!call.reply(null, List.of(item))) {
                q.items.addFirst(item);
                return;
            }
            admitPutter(q);
            return;
        }
        if (q.writerClosed) {
            call.fail(new PipeClosedException("the other end of the pipe was closed"));
            return;
        }
        if (op.timeoutMillis() == 0) {
            call.fail(new QueueEmptyException("the queue is empty"));
            return;
        }
        Waiter w = new Waiter(call, null);
        q.getters.add(w);
        call.onCancel(() -> {
            synchronized (q) {
                q.getters.remove(w);
            }
        });
        if (op.timeoutMillis() > 0) {
            w.timeout = TIMER.schedule(() -> {
                synchronized (q) {
                    if (q.getters.remove(w)) {
                        w.call.fail(new QueueEmptyException("the queue stayed empty for " + op.timeoutMillis() + " ms"));
                    }
                }
            }, op.timeoutMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void poll(State q, ServiceCall call, Op op) {
        if (!q.items.isEmpty() || q.writerClosed || op.timeoutMillis() == 0) {
            call.reply(new Number(q.items.isEmpty() && !q.writerClosed ? 0 : 1), null);
            return;
        }
        Waiter w = new Waiter(call, null);
        q.pollers.add(w);
        call.onCancel(() -> {
            synchronized (q) {
                q.pollers.remove(w);
            }
        });
        if (op.timeoutMillis() > 0) {
            w.timeout = TIMER.schedule(() -> {
                synchronized (q) {
                    if (q.pollers.remove(w)) {
                        w.call.reply(new Number(0), null);
                    }
                }
            }, op.timeoutMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void wakePollers(State q) {
        for (Waiter p : q.pollers) {
            cancelTimer(p);
            p.call.reply(new Number(1), null);
        }
        q.pollers.clear();
    }

    private void admitPutter(State q) {
        while (!q.putters.isEmpty() && !q.full()) {
            Waiter p = q.putters.poll();
            cancelTimer(p);
            if (p.call.reply(null, null)) {
                accept(q, p.item);
            }
        }
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
        wakePollers(q);
        for (Waiter g : q.getters) {
            cancelTimer(g);
            g.call.fail(new PipeClosedException("the other end of the pipe was closed"));
        }
        q.getters.clear();
        call.reply(null, null);
    }

    private static void cancelTimer(Waiter w) {
        if (w.timeout != null) {
            w.timeout.cancel(false);
        }
    }
}
