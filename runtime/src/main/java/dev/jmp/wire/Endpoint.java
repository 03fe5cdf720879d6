package dev.jmp.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.ZMsg;

/**
 * One side of the wire: a socket owned by a single I/O thread that signs, sends, verifies and
 * dispatches messages. Any thread may {@link #send}; the message is queued and the I/O thread
 * is woken through an inproc pair, because ZeroMQ sockets are not thread-safe.
 *
 * <p>Frame layout after any routing identity: {@code [signature][header][body][data...]}.
 */
public abstract class Endpoint implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("dev.jmp.wire");
    private static final int RECEIVE_BURST = 256;

    /** This endpoint's id on the wire. */
    protected final String selfId;
    private final WireCodec codec;
    private final FrameSigner signer;
    private final WireCounters counters = new WireCounters();
    private final ZContext ctx;
    /** The main socket; only the I/O thread touches it once started. */
    protected final ZMQ.Socket socket;
    private final ZMQ.Socket wakeIn;
    private final ZMQ.Socket wakeOut;
    private final Object wakeLock = new Object();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final Queue<Object> outbox = new ConcurrentLinkedQueue<>();
    private final Map<Class<?>, MessageHandler<?>> handlers = new ConcurrentHashMap<>();
    private final List<Timer> timers = new CopyOnWriteArrayList<>();
    private final Map<String, Long> lastSeq = new ConcurrentHashMap<>();
    private final Thread io;
    private volatile boolean running = true;
    private volatile boolean discardOnClose;
    private boolean ctxClosed;
    private long seq;

    private record Outgoing(String to, String type, byte[] body, List<byte[]> data) {
    }

    private static final class Timer {
        final long periodMillis;
        final Runnable action;
        long due;

        Timer(long periodMillis, Runnable action) {
            this.periodMillis = periodMillis;
            this.action = action;
            this.due = System.currentTimeMillis() + periodMillis;
        }
    }

    /**
     * Creates the sockets; subclasses bind or connect in {@link #configure}, then call
     * {@link #start()}.
     */
    protected Endpoint(String selfId, WireKey key, WireCodec codec, SocketType type, String threadName) {
        this(selfId, key, codec, type, threadName, null);
    }

    /**
     * Creates the sockets in a context made ahead of time (a worker makes it while it reads its
     * bootstrap), or in a new one when {@code context} is null. The endpoint owns the context.
     */
    protected Endpoint(String selfId, WireKey key, WireCodec codec, SocketType type, String threadName,
                       ZContext context) {
        this.selfId = selfId;
        this.codec = codec;
        this.signer = new FrameSigner(key);
        this.ctx = context != null ? context : new ZContext(1);
        // JeroMQ's own threads may trip over sockets closed under them (a peer killed, a worker
        // halting); that noise belongs in a debug log, not on a user's stderr.
        ctx.setUncaughtExceptionHandler((t, e) -> LOG.log(System.Logger.Level.DEBUG, "JeroMQ thread failed", e));
        ctx.setNotificationExceptionHandler((t, e) -> LOG.log(System.Logger.Level.DEBUG, "JeroMQ notification failed", e));
        ctx.setLinger(0);
        socket = ctx.createSocket(type);
        socket.setLinger(0);
        socket.setSndHWM(0);
        socket.setRcvHWM(0);
        String wake = "inproc://jmp-wake-" + UUID.randomUUID();
        wakeIn = ctx.createSocket(SocketType.PAIR);
        wakeIn.bind(wake);
        wakeOut = ctx.createSocket(SocketType.PAIR);
        wakeOut.connect(wake);
        io = new Thread(this::loop, threadName);
        io.setDaemon(true);
    }

    /** Keeps unsent messages up to {@code millis} when closing (call before {@link #start()}). */
    protected final void linger(int millis) {
        ctx.setLinger(millis);
        socket.setLinger(millis);
    }

    /** Starts the I/O thread. */
    protected final void start() {
        io.start();
    }

    /** Tells whether a verified header may come from {@code routedPeer} to this endpoint. */
    protected abstract boolean acceptsRoute(String routedPeer, Header header);

    /** Called on the I/O thread for every message that passed all checks, before its handler. */
    protected void onAccepted(Header header) {
    }

    /** Whether frame 0 of each message is a routing identity (ROUTER sockets). */
    protected abstract boolean routed();

    /** Registers the handler for one message type (replacing any earlier one). */
    public final <T extends WireMessage> void on(Class<T> type, MessageHandler<T> handler) {
        handlers.put(type, handler);
    }

    /** Runs an action on the I/O thread every {@code periodMillis}. */
    public final void every(long periodMillis, Runnable action) {
        timers.add(new Timer(periodMillis, action));
        wake();
    }

    /** Runs an action on the I/O thread soon. */
    public final void execute(Runnable action) {
        outbox.add(action);
        wake();
    }

    /** Returns what this endpoint received, accepted and dropped. */
    public final WireCounters counters() {
        return counters;
    }

    /** Returns the codec. */
    public final WireCodec codec() {
        return codec;
    }

    /** Tells whether the calling thread is this endpoint's I/O thread. */
    public final boolean onIoThread() {
        return Thread.currentThread() == io;
    }

    /** Forgets a peer's sequence state (after it is gone). */
    protected final void forgetSequence(String peer) {
        lastSeq.remove(peer);
    }

    /**
     * Sends a message. The body is encoded on the calling thread; signing and sending happen on
     * the I/O thread, in call order.
     *
     * @param to   the receiver's id
     * @param body the control message
     * @param data binary frames (user data), not copied: do not modify them afterwards
     */
    public final void send(String to, WireMessage body, List<byte[]> data) {
        Outgoing o = new Outgoing(to, codec.nameOf(body), codec.encodeBody(body), data == null ? List.of() : data);
        if (onIoThread()) {
            write(o);
        } else {
            outbox.add(o);
            wake();
        }
    }

    /** Sends a message without data frames. */
    public final void send(String to, WireMessage body) {
        send(to, body, List.of());
    }

    private void wake() {
        if (!wakePending.getAndSet(true)) {
            synchronized (wakeLock) {
                if (!ctxClosed) {
                    wakeOut.send(new byte[0], ZMQ.DONTWAIT);
                }
            }
        }
    }

    private void loop() {
        ZMQ.Poller poller = ctx.createPoller(2);
        poller.register(socket, ZMQ.Poller.POLLIN);
        poller.register(wakeIn, ZMQ.Poller.POLLIN);
        boolean more = false;
        try {
            while (running) {
                poller.poll(more ? 0 : nextTimerDelay());
                if (poller.pollin(1)) {
                    while (wakeIn.recv(ZMQ.DONTWAIT) != null) {
                        // drain every pending wake-up
                    }
                }
                wakePending.set(false);
                drainOutbox();
                more = receiveBurst();
                runTimers();
            }
            drainOutbox();
        } catch (ZMQException e) {
            if (running) {
                LOG.log(System.Logger.Level.ERROR, "wire I/O loop failed", e);
            }
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "wire I/O loop failed", e);
        } finally {
            if (discardOnClose) {
                socket.setLinger(0);
                ctx.setLinger(0);
            }
            poller.close();
            synchronized (wakeLock) {
                running = false;
                ctxClosed = true;
                ctx.close();
            }
        }
    }

    private long nextTimerDelay() {
        long now = System.currentTimeMillis();
        long delay = 1000;
        for (Timer t : timers) {
            delay = Math.min(delay, Math.max(0, t.due - now));
        }
        return delay;
    }

    private void runTimers() {
        long now = System.currentTimeMillis();
        for (Timer t : timers) {
            if (now >= t.due) {
                t.due = now + t.periodMillis;
                try {
                    t.action.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "timer action failed", e);
                }
            }
        }
    }

    private void drainOutbox() {
        Object o;
        while ((o = outbox.poll()) != null) {
            if (o instanceof Outgoing out) {
                write(out);
            } else {
                try {
                    ((Runnable) o).run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "I/O task failed", e);
                }
            }
        }
    }

    private void write(Outgoing o) {
        Header h = new Header(o.type, ++seq, selfId, o.to);
        List<byte[]> frames = new ArrayList<>(3 + o.data.size());
        frames.add(null);
        frames.add(codec.encodeHeader(h));
        frames.add(o.body);
        frames.addAll(o.data);
        frames.set(0, signer.sign(frames, 1));
        try {
            if (routed() && !socket.sendMore(o.to.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                counters.unroutable.incrementAndGet();
                return;
            }
            int last = frames.size() - 1;
            for (int i = 0; i <= last; i++) {
                socket.send(frames.get(i), i < last ? ZMQ.SNDMORE : 0);
            }
            counters.sent.incrementAndGet();
        } catch (ZMQException e) {
            if (e.getErrorCode() == ZMQ.Error.EHOSTUNREACH.getCode()) {
                counters.unroutable.incrementAndGet();
            } else {
                throw e;
            }
        }
    }

    private boolean receiveBurst() {
        for (int i = 0; i < RECEIVE_BURST; i++) {
            ZMsg msg = ZMsg.recvMsg(socket, ZMQ.DONTWAIT);
            if (msg == null) {
                return false;
            }
            List<byte[]> frames = new ArrayList<>(msg.size());
            for (ZFrame f : msg) {
                frames.add(f.getData());
            }
            msg.destroy();
            receive(frames);
        }
        return true;
    }

    /** Verifies and dispatches one raw message; package-visible for tests of the checks. */
    final void receive(List<byte[]> frames) {
        counters.received.incrementAndGet();
        String routedPeer = null;
        int base = 0;
        if (routed()) {
            if (frames.isEmpty()) {
                counters.droppedMalformed.incrementAndGet();
                return;
            }
            routedPeer = new String(frames.get(0), java.nio.charset.StandardCharsets.UTF_8);
            base = 1;
        }
        if (frames.size() - base < 3 || frames.get(base).length != FrameSigner.SIGNATURE_LENGTH) {
            counters.droppedUnsigned.incrementAndGet();
            return;
        }
        if (!signer.verify(frames.get(base), frames, base + 1)) {
            counters.droppedBadSignature.incrementAndGet();
            return;
        }
        Header h;
        try {
            h = codec.decodeHeader(frames.get(base + 1));
        } catch (RuntimeException e) {
            counters.droppedMalformed.incrementAndGet();
            return;
        }
        if (!acceptsRoute(routedPeer, h)) {
            counters.droppedMisrouted.incrementAndGet();
            return;
        }
        Long last = lastSeq.get(h.from());
        if (last != null && h.seq() <= last) {
            counters.droppedStale.incrementAndGet();
            return;
        }
        Class<? extends WireMessage> type = codec.typeOf(h.type());
        MessageHandler<?> handler = type == null ? null : handlers.get(type);
        if (handler == null) {
            counters.droppedUnknownType.incrementAndGet();
            return;
        }
        WireMessage body;
        try {
            body = codec.decodeBody(type, frames.get(base + 2));
        } catch (RuntimeException e) {
            counters.droppedMalformed.incrementAndGet();
            return;
        }
        lastSeq.put(h.from(), h.seq());
        counters.accepted.incrementAndGet();
        onAccepted(h);
        dispatch(handler, new Inbound<>(h.from(), h, body, List.copyOf(frames.subList(base + 3, frames.size()))));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(MessageHandler handler, Inbound inbound) {
        try {
            handler.handle(inbound);
        } catch (Exception | LinkageError e) {
            counters.handlerErrors.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "handler for " + inbound.header().type() + " failed", e);
        }
    }

    /** Tells whether the I/O thread still runs. */
    public final boolean isOpen() {
        return running;
    }

    /** Closes at once, dropping anything not yet sent (for a process about to exit). */
    public void closeNow() {
        discardOnClose = true;
        close();
    }

    /** Stops the I/O thread after it sends what is queued, and closes the sockets. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        synchronized (wakeLock) {
            if (!ctxClosed) {
                wakeOut.send(new byte[0], ZMQ.DONTWAIT);
            }
        }
        if (!onIoThread()) {
            try {
                io.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
