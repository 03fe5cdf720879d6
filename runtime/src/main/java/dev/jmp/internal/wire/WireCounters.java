package dev.jmp.internal.wire;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an endpoint did with the frames it received. Every dropped message lands in exactly one
 * drop counter, so a test can prove that forged input was seen and refused.
 */
public final class WireCounters {

    final AtomicLong received = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong droppedUnsigned = new AtomicLong();
    final AtomicLong droppedBadSignature = new AtomicLong();
    final AtomicLong droppedStale = new AtomicLong();
    final AtomicLong droppedMalformed = new AtomicLong();
    final AtomicLong droppedMisrouted = new AtomicLong();
    final AtomicLong droppedUnknownType = new AtomicLong();
    final AtomicLong unroutable = new AtomicLong();
    final AtomicLong handlerErrors = new AtomicLong();
    final AtomicLong missing = new AtomicLong();
    final AtomicLong ioErrors = new AtomicLong();
    final AtomicLong connectionsOpened = new AtomicLong();
    final AtomicLong handshakesFailed = new AtomicLong();
    final AtomicLong connectionsAllowed = new AtomicLong();
    final AtomicLong connectionsRefused = new AtomicLong();
    final AtomicLong channelsRefused = new AtomicLong();
    final AtomicLong channelProofsFailed = new AtomicLong();

    /** Messages read from the socket, valid or not. */
    public long received() {
        return received.get();
    }

    /** Messages that passed every check and reached a handler. */
    public long accepted() {
        return accepted.get();
    }

    /** Messages sent. */
    public long sent() {
        return sent.get();
    }

    /** Messages without a well-formed signature frame. */
    public long droppedUnsigned() {
        return droppedUnsigned.get();
    }

    /** Messages whose signature did not match (wrong key or altered frames). */
    public long droppedBadSignature() {
        return droppedBadSignature.get();
    }

    /** Correctly signed messages with an old sequence number (replays). */
    public long droppedStale() {
        return droppedStale.get();
    }

    /** Messages that could not be parsed (frame count, header or body) or held a frame over the part limit. */
    public long droppedMalformed() {
        return droppedMalformed.get();
    }

    /** Messages a peer sent that never arrived (gaps in its sequence numbers). */
    public long missing() {
        return missing.get();
    }

    /** Errors JeroMQ reported in its own threads (a connection dropped mid-frame, a thread that died). */
    public long ioErrors() {
        return ioErrors.get();
    }

    /** TCP connections the hub's sockets accepted (authenticated or not). */
    public long connectionsOpened() {
        return connectionsOpened.get();
    }

    /**
     * Connections opened that never finished the handshake: a bad greeting, a mechanism the hub
     * does not speak (NULL), a frame over the size limit, a refused credential (or one still
     * handshaking, for at most the 1 s handshake interval): opened minus let in.
     */
    public long unauthenticated() {
        return connectionsOpened.get() - connectionsAllowed.get();
    }

    /** Handshake failures JeroMQ reported as such (it reports few; see {@link #unauthenticated()}). */
    public long handshakesFailed() {
        return handshakesFailed.get();
    }

    /** Connections the hub's authentication let in. */
    public long connectionsAllowed() {
        return connectionsAllowed.get();
    }

    /** Connections the hub's authentication refused in the handshake, before any frame was read. */
    public long connectionsRefused() {
        return connectionsRefused.get();
    }

    /** Call-channel connections closed at once because too many were waiting for their proof. */
    public long channelsRefused() {
        return channelsRefused.get();
    }

    /**
     * Call-channel connections closed before trust: no proof within the deadline, a malformed
     * or oversized one, or a nonce that was never offered (or already used).
     */
    public long channelProofsFailed() {
        return channelProofsFailed.get();
    }

    /** Counts one message the {@link FrameVerifier} dropped, under its reason. */
    void count(FrameVerdict.Drop why) {
        AtomicLong counter = switch (why) {
            case UNSIGNED -> droppedUnsigned;
            case BAD_SIGNATURE -> droppedBadSignature;
            case MALFORMED -> droppedMalformed;
            case MISROUTED -> droppedMisrouted;
            case STALE -> droppedStale;
            case UNKNOWN_TYPE -> droppedUnknownType;
        };
        counter.incrementAndGet();
    }

    /** Every message dropped for any reason. */
    public long dropped() {
        return droppedUnsigned.get() + droppedBadSignature.get() + droppedStale.get()
                + droppedMalformed.get() + droppedMisrouted.get() + droppedUnknownType.get();
    }

    /** Returns every counter by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("received", received.get());
        m.put("accepted", accepted.get());
        m.put("sent", sent.get());
        m.put("droppedUnsigned", droppedUnsigned.get());
        m.put("droppedBadSignature", droppedBadSignature.get());
        m.put("droppedStale", droppedStale.get());
        m.put("droppedMalformed", droppedMalformed.get());
        m.put("droppedMisrouted", droppedMisrouted.get());
        m.put("droppedUnknownType", droppedUnknownType.get());
        m.put("unroutable", unroutable.get());
        m.put("handlerErrors", handlerErrors.get());
        m.put("missing", missing.get());
        m.put("ioErrors", ioErrors.get());
        m.put("connectionsOpened", connectionsOpened.get());
        m.put("handshakesFailed", handshakesFailed.get());
        m.put("connectionsAllowed", connectionsAllowed.get());
        m.put("connectionsRefused", connectionsRefused.get());
        m.put("channelsRefused", channelsRefused.get());
        m.put("channelProofsFailed", channelProofsFailed.get());
        return m;
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
