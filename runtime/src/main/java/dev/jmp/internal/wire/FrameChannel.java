package dev.jmp.internal.wire;

import dev.jmp.internal.wire.message.WireMessage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A direct loopback TCP connection between the parent and one worker carrying the same signed
 * messages as the JeroMQ sockets ({@code [signature][header][body][data...]}, each frame behind
 * its 4-byte length, the message behind its frame count). It exists for service calls: a call
 * over it wakes two threads per round trip where JeroMQ wakes six, which makes a manager call
 * from a worker several times faster.
 *
 * <p>Every message is signed with the runtime key, carries a sequence number strictly greater
 * than the previous one on the connection, and must name this connection's two ends as sender
 * and receiver; anything else ends the connection. A plain {@link Socket} (not a
 * {@code SocketChannel}) because an interrupted thread must not close the connection by writing.
 */
public final class FrameChannel implements AutoCloseable {

    /** Messages above this frame count are refused as malformed. */
    private static final int MAX_FRAMES = 1 << 16;
    /**
     * Frames up to this size are read into an array of the declared size; larger ones grow as
     * their bytes arrive, so a length prefix alone (read before the signature is checked) never
     * makes this process allocate what the peer did not send.
     */
    private static final int EAGER_FRAME_BYTES = 64 * 1024;
    private final AutoCloseable socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final String selfId;
    private final String peerId;
    private final WireCodec codec;
    private final FrameSigner sendSigner;
    private final FrameSigner receiveSigner;
    private final WireCounters counters;
    private final Object sendLock = new Object();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    private long sendSeq;
    private long receiveSeq;
    private volatile boolean closed;

    /** Wraps a connected socket, counting in counters of its own. */
    public FrameChannel(Socket socket, String selfId, String peerId, WireKey key, WireCodec codec) throws IOException {
        this(socket, selfId, peerId, key, codec, new WireCounters());
    }

    /**
     * Wraps a connected socket (the worker's end).
     *
     * @param selfId   this end's id ({@code p} in the parent)
     * @param peerId   the other end's id
     * @param counters where received messages and drops are counted
     */
    public FrameChannel(Socket socket, String selfId, String peerId, WireKey key, WireCodec codec,
                        WireCounters counters) throws IOException {
        this(socket, socket.getInputStream(), socket.getOutputStream(), selfId, peerId, key, codec, counters);
        socket.setTcpNoDelay(true);
    }

    /**
     * Wraps a connected non-blocking channel (the parent's end, handed over by
     * {@link ChannelListener}); an interrupted writer does not close it.
     */
    static FrameChannel over(SocketChannel channel, String selfId, String peerId, WireKey key, WireCodec codec,
                             WireCounters counters) throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        QuietSocketStreams streams = new QuietSocketStreams(channel);
        return new FrameChannel(streams, streams.input(), streams.output(), selfId, peerId, key, codec, counters);
    }

    private FrameChannel(AutoCloseable socket, InputStream input, OutputStream output, String selfId, String peerId,
                         WireKey key, WireCodec codec, WireCounters counters) {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(input, 64 * 1024));
        this.out = output;
        this.selfId = selfId;
        this.peerId = peerId;
        this.codec = codec;
        this.counters = counters;
        this.sendSigner = new FrameSigner(key);
        this.receiveSigner = new FrameSigner(key);
    }

    /** The other end's id. */
    public String peerId() {
        return peerId;
    }

    /**
     * Signs and writes one message (any thread; messages leave in call order).
     *
     * @return false if the connection is closed or broke (it is then closed)
     */
    public boolean send(WireMessage body, List<byte[]> data) {
        byte[] encoded = codec.encodeBody(body);
        String type = codec.nameOf(body);
        List<byte[]> frames = new ArrayList<>(3 + data.size());
        frames.add(null);
        frames.add(null);
        frames.add(encoded);
        frames.addAll(data);
        synchronized (sendLock) {
            if (closed) {
                return false;
            }
            frames.set(1, codec.encodeHeader(new Header(type, ++sendSeq, selfId, peerId)));
            frames.set(0, sendSigner.sign(frames, 1));
            buffer.reset();
            writeInt(frames.size());
            for (byte[] f : frames) {
                writeInt(f.length);
                buffer.write(f, 0, f.length);
            }
            try {
                buffer.writeTo(out);
                out.flush();
                counters.sent.incrementAndGet();
                return true;
            } catch (IOException e) {
                close();
                return false;
            } finally {
                if (buffer.size() > 1 << 20) {
                    buffer.reset();
                }
            }
        }
    }

    private void writeInt(int v) {
        buffer.write(v >>> 24);
        buffer.write(v >>> 16);
        buffer.write(v >>> 8);
        buffer.write(v);
    }

    /**
     * Reads, verifies and decodes the next message (one reading thread only).
     *
     * @return the message, or {@code null} at the end of the stream or when it was closed
     * @throws IOException if the message is malformed, unsigned, forged, stale, misrouted or of
     *                     an unknown type (the caller should close the connection)
     */
    public Inbound<? extends WireMessage> receive() throws IOException {
        List<byte[]> frames;
        try {
            int count = in.readInt();
            counters.received.incrementAndGet();
            if (count < 3 || count > MAX_FRAMES) {
                throw drop(counters.droppedMalformed, "malformed message: " + count + " frames");
            }
            frames = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                frames.add(readFrame());
            }
        } catch (EOFException e) {
            return null;
        } catch (IOException e) {
            if (closed) {
                return null;
            }
            throw e;
        }
        if (frames.get(0).length != FrameSigner.SIGNATURE_LENGTH) {
            throw drop(counters.droppedUnsigned, "unsigned message from " + peerId);
        }
        if (!receiveSigner.verify(frames.get(0), frames, 1)) {
            throw drop(counters.droppedBadSignature, "message with a bad signature from " + peerId);
        }
        Header h;
        WireMessage body;
        try {
            h = codec.decodeHeader(frames.get(1));
        } catch (RuntimeException e) {
            throw drop(counters.droppedMalformed, "malformed header from " + peerId + ": " + e.getMessage());
        }
        if (!peerId.equals(h.from()) || !selfId.equals(h.to())) {
            throw drop(counters.droppedMisrouted, "misrouted message " + h.from() + " -> " + h.to() + " on " + peerId);
        }
        if (h.seq() <= receiveSeq) {
            throw drop(counters.droppedStale, "stale message " + h.seq() + " from " + peerId);
        }
        Class<? extends WireMessage> type = codec.typeOf(h.type());
        if (type == null) {
            throw drop(counters.droppedUnknownType, "unknown message type " + h.type() + " from " + peerId);
        }
        try {
            body = codec.decodeBody(type, frames.get(2));
        } catch (RuntimeException e) {
            throw drop(counters.droppedMalformed, "malformed message from " + peerId + ": " + e.getMessage());
        }
        receiveSeq = h.seq();
        counters.accepted.incrementAndGet();
        return new Inbound<>(h.from(), h, body, List.copyOf(frames.subList(3, frames.size())));
    }

    private byte[] readFrame() throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw drop(counters.droppedMalformed, "malformed message: frame of " + n + " bytes");
        }
        if (n <= EAGER_FRAME_BYTES) {
            byte[] f = new byte[n];
            in.readFully(f);
            return f;
        }
        byte[] f = in.readNBytes(n); // grows with what arrives
        if (f.length < n) {
            throw new EOFException();
        }
        return f;
    }

    private static IOException drop(java.util.concurrent.atomic.AtomicLong counter, String why) {
        counter.incrementAndGet();
        return new IOException(why);
    }

    /** Whether the connection was closed. */
    public boolean isClosed() {
        return closed;
    }

    /** Closes the connection; a thread blocked in {@link #receive()} gets {@code null}. */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (Exception e) {
            // nothing more to release
        }
    }
}
