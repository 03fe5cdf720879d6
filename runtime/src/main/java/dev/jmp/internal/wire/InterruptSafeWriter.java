package dev.jmp.internal.wire;

import java.nio.ByteBuffer;
import java.util.List;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * Writes whole messages to one socket from a thread that may be interrupted. JeroMQ fails a
 * send with EINTR when the sending thread is interrupted (a cancelled task, an interrupted
 * notebook cell); the writer sets the flag aside while writing, writes a frame refused that way
 * again, and sets the flag back afterwards, so a message is never cut in half and the caller
 * still sees its interrupt. Not thread-safe: the caller holds its endpoint's send lock.
 */
final class InterruptSafeWriter {

    private final ZMQ.Socket out;
    private final boolean routed;

    /**
     * @param routed whether the socket is a ROUTER: every message starts with a routing frame,
     *               and no write blocks (a ROUTER may wait for a closing peer for ever)
     */
    InterruptSafeWriter(ZMQ.Socket out, boolean routed) {
        this.out = out;
        this.routed = routed;
    }

    /**
     * Writes one message.
     *
     * @param routingFrame the receiver's routing identity (a ROUTER only; ignored otherwise)
     * @return false if a ROUTER does not know the receiver (nothing was written)
     */
    boolean write(byte[] routingFrame, List<ByteBuffer> frames) {
        boolean interrupted = Thread.interrupted();
        try {
            if (routed) {
                int r = route(routingFrame);
                if (r < 0) {
                    return false;
                }
                interrupted |= r > 0;
            }
            int last = frames.size() - 1;
            for (int i = 0; i <= last; i++) {
                interrupted |= writeFrame(frames.get(i), i < last ? ZMQ.SNDMORE : 0);
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Writes one frame (its buffer's remaining bytes, which JeroMQ sends without a copy), again
     * after an interrupt; returns whether an interrupt was set aside.
     */
    private boolean writeFrame(ByteBuffer frame, int flags) {
        boolean interrupted = false;
        int mode = routed ? flags | ZMQ.DONTWAIT : flags;
        while (true) {
            try {
                if (out.sendByteBuffer(frame.duplicate(), mode) >= 0) {
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
    private int route(byte[] id) {
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
}
