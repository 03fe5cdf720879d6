package dev.jmp.internal.wire;

import org.zeromq.ZMQ;

/**
 * The limits every wire socket sets, so what a peer can make this process hold is bounded:
 * no frame over {@link FrameParts#PART_LIMIT} plus 1 KiB for CURVE's envelope (checked on its header, before JeroMQ allocates
 * it; the connection is dropped), and at most {@link #QUEUE} messages queued per connection in
 * the direction the socket is used, 1 in the direction it is not (a hub ROUTER that only sends
 * reads nothing, so what a peer writes into it stays in the kernel's TCP buffer, not the heap).
 */
final class SocketBounds {

    /** Messages queued per connection and direction; a full queue holds the sender back. */
    static final int QUEUE = 10_000;
    /** Room for CURVE's per-frame envelope (about 33 bytes) above the part limit. */
    static final int ENVELOPE = 1024;

    private SocketBounds() {
    }

    /**
     * Applies the bounds.
     *
     * @param receives whether this socket is read
     * @param sends    whether this socket is written
     */
    static void apply(ZMQ.Socket s, boolean receives, boolean sends) {
        s.setLinger(0);
        // CURVE wraps each frame in a MESSAGE command (flags, nonce, MAC): the limit applies to that.
        s.setMaxMsgSize(FrameParts.PART_LIMIT + ENVELOPE);
        s.setRcvHWM(receives ? QUEUE : 1);
        s.setSndHWM(sends ? QUEUE : 1);
        // JeroMQ 0.6.0 occasionally stalls a connection's handshake (about 1 in 50 on this
        // machine); the stalled side only gives up after the handshake interval, 30 s by default.
        // It also bounds how long a peer that never finishes its handshake holds a connection.
        s.setHandshakeIvl(1000);
    }
}
