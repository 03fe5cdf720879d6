package dev.jmp.internal.wire;

import dev.jmp.internal.wire.message.WireMessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The sending half of an endpoint: encodes a message, cuts large frames into parts, numbers it
 * from the {@link SequenceBook}, signs it and writes it, all under one lock so messages reach
 * the socket whole and in number order from any number of threads.
 */
final class FrameSender {

    private final String selfId;
    private final WireCodec codec;
    private final FrameSigner signer;
    private final SequenceBook sequences;
    private final InterruptSafeWriter writer;
    private final Function<String, byte[]> routing;
    private final WireCounters counters;
    private final Object lock = new Object();
    private boolean closed;

    /**
     * @param routing the routing frame that reaches a receiver, or null if the socket does not route
     */
    FrameSender(String selfId, WireKey key, WireCodec codec, SequenceBook sequences, InterruptSafeWriter writer,
                Function<String, byte[]> routing, WireCounters counters) {
        this.selfId = selfId;
        this.codec = codec;
        this.signer = new FrameSigner(key);
        this.sequences = sequences;
        this.writer = writer;
        this.routing = routing;
        this.counters = counters;
    }

    /**
     * Sends one message from the calling thread.
     *
     * @param data binary frames, not copied
     * @return false if the receiver is unknown or the sender is closed (nothing was written)
     */
    boolean send(String to, WireMessage body, List<byte[]> data) {
        byte[] encoded = codec.encodeBody(body);
        String type = codec.nameOf(body);
        List<byte[]> logical = new ArrayList<>(1 + (data == null ? 0 : data.size()));
        logical.add(encoded);
        if (data != null) {
            logical.addAll(data);
        }
        List<ByteBuffer> frames = new ArrayList<>(2 + logical.size());
        frames.add(null);
        frames.add(null);
        List<Integer> cuts = FrameParts.split(logical, FrameParts.PART_LIMIT, frames);
        synchronized (lock) {
            if (closed) {
                return false;
            }
            byte[] header = codec.encodeHeader(new Header(type, sequences.next(to), selfId, to, cuts));
            if (header.length > FrameParts.PART_LIMIT) {
                sequences.unsend(to);
                throw new IllegalArgumentException("a " + type + " message of " + logical.size()
                        + " frames has too many large frames to describe in one header");
            }
            frames.set(1, ByteBuffer.wrap(header));
            frames.set(0, ByteBuffer.wrap(signer.signBuffers(frames, 1)));
            if (!writer.write(routing == null ? null : routing.apply(to), frames)) {
                counters.unroutable.incrementAndGet();
                sequences.unsend(to);
                return false;
            }
            counters.sent.incrementAndGet();
            return true;
        }
    }

    /** Forgets the numbering towards a peer that is gone. */
    void forget(String peer) {
        synchronized (lock) {
            sequences.forgetSent(peer);
        }
    }

    /**
     * Refuses every later send, waits for a send in progress to end, then runs {@code last}. It
     * runs outside the lock: closing a ZeroMQ context whose I/O thread died never returns, and a
     * thread sending meanwhile (a pool dispatching to its last worker) must get its refusal, not
     * wait on that close for ever with its own locks held.
     */
    void close(Runnable last) {
        synchronized (lock) {
            closed = true;
        }
        last.run();
    }
}
