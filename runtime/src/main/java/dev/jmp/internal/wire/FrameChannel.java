package dev.jmp.internal.wire;

import dev.jmp.internal.wire.message.WireMessage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
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

    /** Frames above this count or total size are refused as malformed. */
    private static final int MAX_FRAMES = 1 << 16;
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final String selfId;
    private final String peerId;
    private final WireCodec codec;
    private final FrameSigner sendSigner;
    private final FrameSigner receiveSigner;
    private final Object sendLock = new Object();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    private long sendSeq;
    private long receiveSeq;
    private volatile boolean closed;

    /**
     * Wraps a connected socket.
     *
     * @param selfId this end's id ({@code p} in the parent)
     * @param peerId the other end's id
     */
    public FrameChannel(Socket socket, String selfId, String peerId, WireKey key, WireCodec codec) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        this.out = socket.getOutputStream();
        this.selfId = selfId;
        this.peerId = peerId;
        this.codec = codec;
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
            if (count < 3 || count > MAX_FRAMES) {
                throw new IOException("malformed message: " + count + " frames");
            }
            frames = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int n = in.readInt();
                if (n < 0) {
                    throw new IOException("malformed message: frame of " + n + " bytes");
                }
                byte[] f = new byte[n];
                in.readFully(f);
                frames.add(f);
            }
        } catch (EOFException e) {
            return null;
        } catch (IOException e) {
            if (closed) {
                return null;
            }
            throw e;
        }
        if (!receiveSigner.verify(frames.get(0), frames, 1)) {
            throw new IOException("message with a bad signature from " + peerId);
        }
        Header h;
        WireMessage body;
        try {
            h = codec.decodeHeader(frames.get(1));
            if (!peerId.equals(h.from()) || !selfId.equals(h.to())) {
                throw new IOException("misrouted message " + h.from() + " -> " + h.to() + " on " + peerId);
            }
            if (h.seq() <= receiveSeq) {
                throw new IOException("stale message " + h.seq() + " from " + peerId);
            }
            Class<? extends WireMessage> type = codec.typeOf(h.type());
            if (type == null) {
                throw new IOException("unknown message type " + h.type() + " from " + peerId);
            }
            body = codec.decodeBody(type, frames.get(2));
        } catch (RuntimeException e) {
            throw new IOException("malformed message from " + peerId + ": " + e.getMessage(), e);
        }
        receiveSeq = h.seq();
        return new Inbound<>(h.from(), h, body, List.copyOf(frames.subList(3, frames.size())));
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
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
