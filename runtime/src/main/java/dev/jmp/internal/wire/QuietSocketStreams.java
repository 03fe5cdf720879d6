package dev.jmp.internal.wire;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * Blocking streams over a non-blocking {@link SocketChannel} that an interrupt cannot close. A
 * channel in blocking mode is closed when a thread blocked on it (or entering it) is interrupted;
 * in the parent, a reply on a call channel may be written by any thread, a cell's among them, so
 * the channel stays non-blocking and waits for readiness on a selector of its own instead (an
 * interrupt only wakes that wait, which is then resumed). The listener's handshake already needs
 * the channel non-blocking, so this also avoids switching modes after it.
 */
final class QuietSocketStreams implements Closeable {

    private final SocketChannel channel;
    private final Selector readReady;
    private Selector writeReady;
    private volatile boolean closed;

    QuietSocketStreams(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        this.readReady = Selector.open();
    }

    /** The input side: for one reading thread. */
    InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (true) {
                    int n = channel.read(buf);
                    if (n != 0) {
                        return n;
                    }
                    await(readReady, SelectionKey.OP_READ);
                }
            }
        };
    }

    /** The output side: for one writing thread at a time (the caller serialises writers). */
    OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    if (channel.write(buf) == 0) {
                        synchronized (QuietSocketStreams.this) {
                            if (writeReady == null) {
                                writeReady = Selector.open(); // only once the peer stopped reading
                            }
                        }
                        await(writeReady, SelectionKey.OP_WRITE);
                    }
                }
            }
        };
    }

    private void await(Selector selector, int op) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        // An interrupt would make select() return at once, over and over: keep it for later.
        boolean interrupted = Thread.interrupted();
        try {
            if (channel.keyFor(selector) == null) {
                channel.register(selector, op);
            }
            selector.select();
            selector.selectedKeys().clear();
        } catch (ClosedSelectorException e) {
            throw new ClosedChannelException(); // closed by another thread meanwhile
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (closed) {
            throw new ClosedChannelException();
        }
    }

    /** Closes the channel and wakes a thread waiting on it. */
    @Override
    public void close() {
        closed = true;
        quietly(channel);
        quietly(readReady);
        Selector w;
        synchronized (this) {
            w = writeReady;
        }
        if (w != null) {
            quietly(w);
        }
    }

    private static void quietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
