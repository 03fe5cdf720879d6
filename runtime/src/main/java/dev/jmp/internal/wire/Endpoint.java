package dev.jmp.internal.wire;

import dev.jmp.internal.wire.message.WireMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.ZMsg;

/**
 * One side of the wire, with one socket per direction. A receive thread blocks on the inbound
 * socket and verifies and dispatches what arrives; any thread sends on the outbound socket under
 * a lock, signing each message with the next sequence number. Two sockets, because JeroMQ
 * sockets are not thread-safe, and because waking one thread for both directions (a poller plus
 * a wake-up channel) cost about eight times a plain blocking round trip in JeroMQ 0.6.
 *
 * <p>Frame layout after any routing identity: {@code [signature][header][body][data...]}.
 */
public abstract class Endpoint implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("dev.jmp.wire");

    /** This endpoint's id on the wire. */
    protected final String selfId;
    private final WireCodec codec;
    private final FrameSigner sendSigner;
    private final FrameSigner receiveSigner;
    private final WireCounters counters = new WireCounters();
    private final ZContext ctx;
    /** The inbound socket; only the receive thread touches it once started. */
    protected final ZMQ.Socket in;
    /** The outbound socket; used under {@link #sendLock}. */
    protected final ZMQ.Socket out;
    private final Object sendLock = new Object();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Map<Class<?>, MessageHandler<?>> handlers = new ConcurrentHashMap<>();
    private final List<Timer> timers = new CopyOnWriteArrayList<>();
    private final Map<String, Long> lastSeq = new ConcurrentHashMap<>();
    /** Sequence numbers run per receiver, so a receiver can tell a lost message by a gap. */
    private final Map<String, long[]> sentSeq = new java.util.HashMap<>();
    private volatile java.util.function.BiConsumer<String, Long> lossListener = (peer, n) -> { };
    private final Thread receiver;
    private final int pollMillis;
    private final IoWatch ioWatch;
    private volatile String failure;
    private volatile java.util.function.Consumer<String> failureListener = reason -> { };
    private volatile boolean running = true;
    private volatile boolean discardOnClose;
    private boolean outClosed;

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
     * Creates the sockets in a context made ahead of time, or a new one when {@code context} is
     * null (the endpoint owns it); subclasses bind or connect, then call {@link #start()}.
     *
     * @param pollMillis how long the receive thread blocks before it runs timers and queued tasks
     */
    // The receive thread holds this::loop but starts only in start(), after construction.
    @SuppressWarnings("this-escape")
    protected Endpoint(String selfId, WireKey key, WireCodec codec, SocketType inType, SocketType outType,
                       String threadName, ZContext context, int pollMillis) {
        this.selfId = selfId;
        this.codec = codec;
        this.sendSigner = new FrameSigner(key);
        this.receiveSigner = new FrameSigner(key);
        this.pollMillis = pollMillis;
        this.ctx = context != null ? context : new ZContext(1);
        // JeroMQ's own threads may trip over sockets closed under them (a peer killed, a worker
        // halting); that noise belongs in a debug log and a counter, but a thread that died is
        // a failure of this endpoint (see IoWatch).
        this.ioWatch = new IoWatch(ctx, counters.ioErrors);
        ctx.setLinger(0);
        in = ctx.createSocket(inType);
        SocketBounds.apply(in, true, false);
        in.setReceiveTimeOut(pollMillis);
        out = ctx.createSocket(outType);
        SocketBounds.apply(out, false, true);
        receiver = new Thread(this::loop, threadName);
        receiver.setDaemon(true);
    }

    /** The context the sockets live in (for a subclass's authentication handler). */
    protected final ZContext context() {
        return ctx;
    }

    /** The peer id a routing frame stands for, or null if it stands for none (ROUTER only). */
    protected String peerOf(byte[] routingFrame) {
        return new String(routingFrame, StandardCharsets.UTF_8);
    }

    /** The routing frame that reaches peer {@code to} (ROUTER only). */
    protected byte[] routingFrame(String to) {
        return to.getBytes(StandardCharsets.UTF_8);
    }

    /** Called on the receive thread after it stopped, before the context closes. */
    protected void beforeContextClose() {
    }

    /**
     * Sets what happens when this endpoint can no longer move frames (a JeroMQ thread died, its
     * receive thread failed): called once, on the receive thread, with the reason, after which
     * the endpoint is closed.
     */
    public final void onFailure(java.util.function.Consumer<String> listener) {
        failureListener = listener;
    }

    /** The threads of this endpoint's JeroMQ context (for tests that make one fail). */
    final List<Thread> ioThreads() {
        return ioWatch.threads();
    }

    /** Why this endpoint failed, or null if it did not (a close is not a failure). */
    public final String failure() {
        return failure;
    }

    /** Keeps unsent messages up to {@code millis} when closing (call before {@link #start()}). */
    protected final void linger(int millis) {
        ctx.setLinger(millis);
        out.setLinger(millis);
    }

    /** Starts the receive thread. */
    protected final void start() {
        receiver.start();
    }

    /** Tells whether a verified header may come from {@code routedPeer} to this endpoint. */
    protected abstract boolean acceptsRoute(String routedPeer, Header header);

    /** Called on the receive thread for every message that passed all checks, before its handler. */
    protected void onAccepted(Header header) {
    }

    /** Whether the inbound socket prefixes a routing identity (a ROUTER). */
    protected abstract boolean routedIn();

    /** Whether the outbound socket expects a routing identity first (a ROUTER). */
    protected abstract boolean routedOut();

    /** Registers the handler for one message type (replacing any earlier one). */
    public final <T extends WireMessage> void on(Class<T> type, MessageHandler<T> handler) {
        handlers.put(type, handler);
    }

    /** Runs an action on the receive thread every {@code periodMillis} (at the poll granularity). */
    public final void every(long periodMillis, Runnable action) {
        timers.add(new Timer(periodMillis, action));
    }

    /** Runs an action on the receive thread soon (within the poll interval). */
    public final void execute(Runnable action) {
        tasks.add(action);
    }

    /** Returns what this endpoint received, accepted and dropped. */
    public final WireCounters counters() {
        return counters;
    }

    /** Returns the codec. */
    public final WireCodec codec() {
        return codec;
    }

    /** Tells whether the calling thread is this endpoint's receive thread. */
    public final boolean onReceiveThread() {
        return Thread.currentThread() == receiver;
    }

    /** Forgets a peer's sequence state (after it is gone). */
    protected final void forgetSequence(String peer) {
        lastSeq.remove(peer);
        synchronized (sendLock) {
            sentSeq.remove(peer);
        }
    }

    /**
     * The sequence number the first message from a peer must carry for a gap before it to count
     * as a loss, or 0 when messages sent before the first accepted one may be lost (a worker's
     * hellos, sent before its connection is up).
     */
    protected long firstSequence() {
        return 0;
    }

    /**
     * Sets what happens when messages from a peer went missing: each sender numbers its messages
     * to each receiver 1, 2, 3..., so a gap means messages were written but never arrived (a
     * connection remade under them). Called on the receive thread, before the message after
     * the gap is handled, with the peer and the number of messages missing.
     */
    public final void onMessagesLost(java.util.function.BiConsumer<String, Long> listener) {
        lossListener = listener;
    }

    /**
     * Sends a message from the calling thread: encodes, signs with the next sequence number and
     * writes it, in call order across threads.
     *
     * @param to   the receiver's id
     * @param body the control message
     * @param data binary frames (user data), not copied: do not modify them afterwards
     * @return false if the receiver is unknown (not connected, or gone)
     */
    public final boolean send(String to, WireMessage body, List<byte[]> data) {
        byte[] encoded = codec.encodeBody(body);
        String type = codec.nameOf(body);
        List<byte[]> logical = new ArrayList<>(1 + (data == null ? 0 : data.size()));
        logical.add(encoded);
        if (data != null) {
            logical.addAll(data);
        }
        List<byte[]> frames = new ArrayList<>(2 + logical.size());
        frames.add(null);
        frames.add(null);
        List<Integer> cuts = FrameParts.split(logical, FrameParts.PART_LIMIT, frames);
        synchronized (sendLock) {
            if (outClosed) {
                return false;
            }
            long[] seq = sentSeq.computeIfAbsent(to, k -> new long[1]);
            byte[] header = codec.encodeHeader(new Header(type, ++seq[0], selfId, to, cuts));
            if (header.length > FrameParts.PART_LIMIT) {
                seq[0]--;
                throw new IllegalArgumentException("a " + type + " message of " + logical.size()
                        + " frames has too many large frames to describe in one header");
            }
            frames.set(1, header);
            frames.set(0, sendSigner.sign(frames, 1));
            // JeroMQ fails a send with EINTR when the sending thread is interrupted (a cancelled
            // task, an interrupted notebook cell). The flag is set aside while writing, and a
            // frame refused that way is written again, so a message is never cut in half.
            boolean interrupted = Thread.interrupted();
            try {
                if (routedOut()) {
                    int routed = route(to);
                    if (routed < 0) {
                        counters.unroutable.incrementAndGet();
                        seq[0]--; // nothing was written: the receiver must not see a gap
                        return false;
                    }
                    interrupted |= routed > 0;
                }
                int last = frames.size() - 1;
                for (int i = 0; i <= last; i++) {
                    interrupted |= write(frames.get(i), i < last ? ZMQ.SNDMORE : 0);
                }
                counters.sent.incrementAndGet();
                return true;
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Writes one frame, again after an interrupt; returns whether an interrupt was set aside. */
    private boolean write(byte[] frame, int flags) {
        boolean interrupted = false;
        int mode = routedOut() ? flags | ZMQ.DONTWAIT : flags;
        while (true) {
            try {
                if (out.send(frame, mode)) {
                    return interrupted;
                }
            } catch (ZMQException e) {
                if (e.getErrorCode() != ZMQ.Error.EINTR.getCode()) {
                    throw e;
                }
            }
            // JeroMQ may report an interrupt as EINTR after clearing the thread's flag itself.
            boolean now = Thread.interrupted() || out.errno() == ZMQ.Error.EINTR.getCode();
            if (!now) {
                throw new IllegalStateException("JeroMQ refused a frame without an error (errno " + out.errno() + ")");
            }
            interrupted = true;
        }
    }

    /**
     * Writes the routing frame. A peer that just connected is only known to a ROUTER once the
     * ROUTER has processed its pending commands, which sending alone does not always do, so an
     * unknown peer gets one more try after the socket has caught up.
     *
     * @return -1 if the peer is unknown, 0 if routed, 1 if routed after setting an interrupt aside
     */
    private int route(String to) {
        byte[] id = routingFrame(to);
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                boolean interrupted = Thread.interrupted();
                while (true) {
                    // Never block on a ROUTER: a peer whose connection is closing refuses with
                    // EAGAIN, and a blocking send would wait for it for ever (JeroMQ issue 589).
                    if (out.send(id, ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
                        return interrupted ? 1 : 0;
                    }
                    if (!Thread.interrupted()) {
                        if (interrupted) {
                            Thread.currentThread().interrupt();
                        }
                        return -1;
                    }
                    interrupted = true;
                }
            } catch (ZMQException e) {
                if (e.getErrorCode() == ZMQ.Error.EINTR.getCode()) {
                    Thread.currentThread().interrupt();
                    attempt--;
                    continue;
                }
                if (e.getErrorCode() != ZMQ.Error.EHOSTUNREACH.getCode()) {
                    throw e;
                }
                out.getEvents();
            }
        }
        return -1;
    }

    /** Sends a message without data frames. */
    public final boolean send(String to, WireMessage body) {
        return send(to, body, List.of());
    }

    private void loop() {
        try {
            while (running) {
                String dead = ioWatch.failure();
                if (dead != null) {
                    failure = dead;
                    break;
                }
                ZMsg msg = ZMsg.recvMsg(in);
                if (msg != null) {
                    List<byte[]> frames = new ArrayList<>(msg.size());
                    for (ZFrame f : msg) {
                        frames.add(f.getData());
                    }
                    msg.destroy();
                    receive(frames);
                }
                runTasks();
                runTimers();
            }
        } catch (ZMQException e) {
            if (running) {
                failure = "its receive thread failed: " + e;
            }
        } catch (RuntimeException | Error e) {
            failure = "its receive thread failed: " + e;
        } finally {
            boolean failed = running && failure != null;
            running = false;
            if (failed) {
                LOG.log(System.Logger.Level.ERROR, "the jmp wire endpoint " + selfId + " failed: " + failure);
            }
            synchronized (sendLock) {
                outClosed = true;
            }
            try {
                beforeContextClose();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "closing the wire failed", e);
            }
            if (failed) {
                try {
                    failureListener.accept(failure);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "wire failure handler failed", e);
                }
            }
            synchronized (sendLock) {
                outClosed = true;
                if (discardOnClose) {
                    out.setLinger(0);
                    ctx.setLinger(0);
                }
                ctx.close();
            }
        }
    }

    private void runTasks() {
        Runnable r;
        while ((r = tasks.poll()) != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "queued action failed", e);
            }
        }
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

    /** Verifies and dispatches one raw message; package-visible for tests of the checks. */
    final void receive(List<byte[]> frames) {
        counters.received.incrementAndGet();
        String routedPeer = null;
        int base = 0;
        if (routedIn()) {
            if (frames.isEmpty()) {
                counters.droppedMalformed.incrementAndGet();
                return;
            }
            routedPeer = peerOf(frames.get(0));
            base = 1;
        }
        if (frames.size() - base < 3 || frames.get(base).length != FrameSigner.SIGNATURE_LENGTH) {
            counters.droppedUnsigned.incrementAndGet();
            return;
        }
        if (!receiveSigner.verify(frames.get(base), frames, base + 1)) {
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
        List<byte[]> logical = FrameParts.join(frames.subList(base + 2, frames.size()), h.parts());
        if (logical == null) {
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
            body = codec.decodeBody(type, logical.get(0));
        } catch (RuntimeException e) {
            counters.droppedMalformed.incrementAndGet();
            return;
        }
        lastSeq.put(h.from(), h.seq());
        counters.accepted.incrementAndGet();
        long expected = last != null ? last + 1 : firstSequence();
        if (expected > 0 && h.seq() > expected) {
            counters.missing.addAndGet(h.seq() - expected);
            try {
                lossListener.accept(h.from(), h.seq() - expected);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "message-loss handler failed", e);
            }
        }
        onAccepted(h);
        dispatch(handler, new Inbound<>(h.from(), h, body, List.copyOf(logical.subList(1, logical.size()))));
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

    /** Tells whether the receive thread still runs. */
    public final boolean isOpen() {
        return running;
    }

    /** Closes at once, dropping anything not yet sent (for a process about to exit). */
    public void closeNow() {
        discardOnClose = true;
        close();
    }

    /** Stops the receive thread (within the poll interval) and closes the sockets. */
    @Override
    public void close() {
        running = false;
        if (!onReceiveThread() && receiver.isAlive()) {
            try {
                receiver.join(pollMillis + 5000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
