package dev.jmp.internal.wire;

import dev.jmp.internal.wire.message.WireMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.ZMsg;

/**
 * One side of the wire, with one socket per direction. An {@link EventLoop} blocks on the
 * inbound socket, has each message checked by the {@link FrameVerifier} and hands what passes to
 * its handler ({@link HandlerTable}); any thread sends on the outbound socket through the
 * {@link FrameSender}, which numbers each message from the {@link SequenceBook}, signs it and
 * writes it with the {@link InterruptSafeWriter}. Two sockets, because JeroMQ sockets are not thread-safe, and
 * because waking one thread for both directions (a poller plus a wake-up channel) cost about
 * eight times a plain blocking round trip in JeroMQ 0.6.
 *
 * <p>Frame layout after any routing identity: {@code [signature][header][body][data...]}.
 */
public abstract class Endpoint implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("dev.jmp.wire");

    /** This endpoint's id on the wire. */
    protected final String selfId;
    private final WireCodec codec;
    private final WireKey key;
    private final WireCounters counters = new WireCounters();
    private final ZContext ctx;
    /** The inbound socket; only the receive thread touches it once started. */
    protected final ZMQ.Socket in;
    /** The outbound socket; written only by the {@link FrameSender}, under its lock. */
    protected final ZMQ.Socket out;
    private final SequenceBook sequences = new SequenceBook();
    private final HandlerTable handlers = new HandlerTable(counters.handlerErrors);
    private final FrameVerifier verifier;
    private final EventLoop loop;
    private volatile FrameSender sender;
    private volatile BiConsumer<String, Long> lossListener = (peer, n) -> { };
    private final int pollMillis;
    private final IoWatch ioWatch;
    private volatile String failure;
    private volatile Consumer<String> failureListener = reason -> { };

    /**
     * Creates the sockets in a context made ahead of time, or a new one when {@code context} is
     * null (the endpoint owns it); subclasses bind or connect, then call {@link #start()}.
     *
     * @param pollMillis how long the receive thread blocks before it runs timers and queued tasks
     */
    // The loop and the verifier hold this endpoint's methods but run only after start().
    @SuppressWarnings("this-escape")
    protected Endpoint(String selfId, WireKey key, WireCodec codec, SocketType inType, SocketType outType,
                       String threadName, ZContext context, int pollMillis) {
        this.selfId = selfId;
        this.codec = codec;
        this.key = key;
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
        verifier = new FrameVerifier(key, codec, new FrameVerifier.RoutePolicy(this::routedIn, this::peerOf,
                this::acceptsRoute, this::firstSequence), handlers::handles, sequences);
        loop = new EventLoop(threadName, this::turn, this::ended);
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
    public final void onFailure(Consumer<String> listener) {
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
        sender = new FrameSender(selfId, key, codec, sequences, new InterruptSafeWriter(out, routedOut()),
                routedOut() ? this::routingFrame : null, counters);
        loop.start();
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
        handlers.on(type, handler);
    }

    /** Runs an action on the receive thread every {@code periodMillis} (at the poll granularity). */
    public final void every(long periodMillis, Runnable action) {
        loop.every(periodMillis, action);
    }

    /** Runs an action on the receive thread soon (within the poll interval). */
    public final void execute(Runnable action) {
        loop.execute(action);
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
        return loop.onLoopThread();
    }

    /** Forgets a peer's sequence state (after it is gone). */
    protected final void forgetSequence(String peer) {
        sequences.forgetReceived(peer);
        sender.forget(peer);
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
    public final void onMessagesLost(BiConsumer<String, Long> listener) {
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
        FrameSender s = sender;
        return s != null && s.send(to, body, data);
    }

    /** Sends a message without data frames. */
    public final boolean send(String to, WireMessage body) {
        return send(to, body, List.of());
    }

    /** One turn of the receive loop: a blocking read of at most the poll interval. */
    private boolean turn() {
        String dead = ioWatch.failure();
        if (dead != null) {
            failure = dead;
            return false;
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
        return true;
    }

    /** On the receive thread when its loop ended: reports a failure, then closes the sockets. */
    private void ended(Throwable cause, boolean closing) {
        // A JeroMQ error while closing is the close itself, not a failure.
        if (cause != null && !(closing && cause instanceof ZMQException)) {
            failure = "its receive thread failed: " + cause;
        }
        boolean failed = !closing && failure != null;
        if (failed) {
            LOG.log(System.Logger.Level.ERROR, "the jmp wire endpoint " + selfId + " failed: " + failure);
        }
        FrameSender s = sender;
        s.close(() -> { });
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
        s.close(ctx::close);
    }

    /** Verifies and dispatches one raw message; package-visible for tests of the checks. */
    final void receive(List<byte[]> frames) {
        counters.received.incrementAndGet();
        FrameVerdict v = verifier.verify(frames);
        if (!v.accepted()) {
            counters.count(v.drop());
            return;
        }
        counters.accepted.incrementAndGet();
        if (v.missing() > 0) {
            counters.missing.addAndGet(v.missing());
            try {
                lossListener.accept(v.header().from(), v.missing());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "message-loss handler failed", e);
            }
        }
        onAccepted(v.header());
        handlers.dispatch(v.type(), new Inbound<>(v.header().from(), v.header(), v.body(), v.data()));
    }

    /** Tells whether the receive thread still runs. */
    public final boolean isOpen() {
        return loop.isRunning();
    }

    /** Stops the receive thread (within the poll interval) and closes the sockets. */
    @Override
    public void close() {
        loop.stop();
        loop.join(pollMillis + 5000L);
    }
}
