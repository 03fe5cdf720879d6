package dev.jmp.internal.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Raw-TCP attacks on a ZeroMQ listener, written byte by byte (ZMTP 3.0), so the attacker holds
 * nothing in this JVM beyond one buffer: what the listener's process grows by is the victim's.
 * Every write is non-blocking and gives up when the peer stops reading, so no attack can hang.
 */
final class WireAttacks implements AutoCloseable {

    private final List<SocketChannel> open = new ArrayList<>();
    private final Random random = new Random(12);
    private int connections;
    private int closedByPeer;

    /** The 64-byte ZMTP 3.0 greeting with a mechanism. */
    static byte[] greeting(String mechanism) {
        byte[] g = new byte[64];
        g[0] = (byte) 0xFF;
        g[9] = 0x7F;
        g[10] = 3;
        byte[] m = mechanism.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(m, 0, g, 12, m.length);
        return g;
    }

    /** A NULL-mechanism READY command saying Socket-Type DEALER (and an identity if not null). */
    static byte[] ready(byte[] identity) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(5);
        body.writeBytes("READY".getBytes(StandardCharsets.US_ASCII));
        property(body, "Socket-Type", "DEALER".getBytes(StandardCharsets.US_ASCII));
        if (identity != null) {
            property(body, "Identity", identity);
        }
        return command(body.toByteArray());
    }

    /** A PLAIN HELLO command with a user name and password. */
    static byte[] plainHello(String user, String password) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(5);
        body.writeBytes("HELLO".getBytes(StandardCharsets.US_ASCII));
        body.write(user.length());
        body.writeBytes(user.getBytes(StandardCharsets.US_ASCII));
        body.write(password.length());
        body.writeBytes(password.getBytes(StandardCharsets.US_ASCII));
        return command(body.toByteArray());
    }

    private static void property(ByteArrayOutputStream out, String name, byte[] value) {
        out.write(name.length());
        out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }

    private static byte[] command(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x04);
        out.write(body.length);
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** A frame header: flags (0x02 long, 0x04 command, 0x01 more) and a size, long form. */
    static byte[] longHeader(int flags, long size) {
        return ByteBuffer.allocate(9).put((byte) (flags | 0x02)).putLong(size).array();
    }

    /** A whole data frame, long form. */
    static byte[] frame(byte[] data, boolean more) {
        return ByteBuffer.allocate(9 + data.length).put(longHeader(more ? 1 : 0, data.length)).put(data).array();
    }

    /** Opens a connection to {@code tcp://127.0.0.1:port}, writes {@code parts} and keeps it open. */
    SocketChannel play(String endpoint, byte[]... parts) throws IOException {
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        ch.configureBlocking(false);
        open.add(ch);
        connections++;
        for (byte[] p : parts) {
            if (!write(ch, p)) {
                break;
            }
        }
        return ch;
    }

    /**
     * Writes what the peer takes; false once it closed the connection or stopped reading for
     * 300 ms (what is left would only sit in this machine's TCP buffers).
     */
    boolean write(SocketChannel ch, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long idleSince = System.nanoTime();
        try {
            while (b.hasRemaining()) {
                if (ch.write(b) > 0) {
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince > 300_000_000L) {
                    return false;
                } else {
                    Thread.sleep(1);
                }
            }
            return true;
        } catch (IOException e) {
            closedByPeer++;
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Random bytes. */
    byte[] noise(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Connections opened so far. */
    int connections() {
        return connections;
    }

    /** Writes the peer refused by closing the connection. */
    int closedByPeer() {
        return closedByPeer;
    }

    @Override
    public void close() {
        release();
    }

    /** Closes every connection opened so far. */
    void release() {
        for (SocketChannel ch : open) {
            try {
                ch.close();
            } catch (IOException e) {
                // gone already
            }
        }
        open.clear();
    }
}
