package dev.jmp.internal.wire;

import dev.jmp.internal.wire.message.WireMessage;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Decides whether one raw message may be handled, in the order that spends the least on a
 * forgery: the frame count and sizes, then the signature (nothing is parsed before it matches),
 * then the header, the parts, the route, the sequence number, the type and last the body. Only a
 * message that passes all of them moves its sender's sequence number on. Owned by the receive
 * thread (its {@link FrameSigner} is not thread-safe).
 */
final class FrameVerifier {

    /**
     * What the endpoint that owns the verifier says about routes, asked per message (so a
     * subclass's answers may depend on state it sets up after the verifier is made).
     *
     * @param routedIn      whether the inbound socket prefixes a routing identity (a ROUTER)
     * @param peerOf        the peer a routing frame stands for, or null if it stands for none
     * @param accepts       whether a verified header may come from a routed peer (null when not routed)
     * @param firstSequence the number a peer's first message must carry for a gap before it to count, or 0
     */
    record RoutePolicy(BooleanSupplier routedIn, Function<byte[], String> peerOf,
                       BiPredicate<String, Header> accepts, LongSupplier firstSequence) {
    }

    private final FrameSigner signer;
    private final WireCodec codec;
    private final RoutePolicy policy;
    private final Predicate<Class<? extends WireMessage>> handled;
    private final SequenceBook sequences;

    /**
     * @param handled   whether a message type has a handler here
     * @param sequences the book whose received side this verifier moves on
     */
    FrameVerifier(WireKey key, WireCodec codec, RoutePolicy policy,
                  Predicate<Class<? extends WireMessage>> handled, SequenceBook sequences) {
        this.signer = new FrameSigner(key);
        this.codec = codec;
        this.policy = policy;
        this.handled = handled;
        this.sequences = sequences;
    }

    /** Checks one message as read from the socket, routing frame first if the socket routes. */
    FrameVerdict verify(List<byte[]> frames) {
        String routedPeer = null;
        int base = 0;
        if (policy.routedIn().getAsBoolean()) {
            if (frames.isEmpty()) {
                return FrameVerdict.dropped(FrameVerdict.Drop.MALFORMED);
            }
            routedPeer = policy.peerOf().apply(frames.get(0));
            base = 1;
        }
        if (frames.size() - base < 3 || frames.get(base).length != FrameSigner.SIGNATURE_LENGTH) {
            return FrameVerdict.dropped(FrameVerdict.Drop.UNSIGNED);
        }
        // The sockets refuse such frames already; a second bound costs a loop over lengths.
        for (int i = base; i < frames.size(); i++) {
            if (frames.get(i).length > FrameParts.PART_LIMIT) {
                return FrameVerdict.dropped(FrameVerdict.Drop.MALFORMED);
            }
        }
        if (!signer.verify(frames.get(base), frames, base + 1)) {
            return FrameVerdict.dropped(FrameVerdict.Drop.BAD_SIGNATURE);
        }
        Header h;
        try {
            h = codec.decodeHeader(frames.get(base + 1));
        } catch (RuntimeException e) {
            return FrameVerdict.dropped(FrameVerdict.Drop.MALFORMED);
        }
        List<byte[]> logical = FrameParts.join(frames.subList(base + 2, frames.size()), h.parts());
        if (logical == null) {
            return FrameVerdict.dropped(FrameVerdict.Drop.MALFORMED);
        }
        if (!policy.accepts().test(routedPeer, h)) {
            return FrameVerdict.dropped(FrameVerdict.Drop.MISROUTED);
        }
        if (sequences.stale(h.from(), h.seq())) {
            return FrameVerdict.dropped(FrameVerdict.Drop.STALE);
        }
        Class<? extends WireMessage> type = codec.typeOf(h.type());
        if (type == null || !handled.test(type)) {
            return FrameVerdict.dropped(FrameVerdict.Drop.UNKNOWN_TYPE);
        }
        WireMessage body;
        try {
            body = codec.decodeBody(type, logical.get(0));
        } catch (RuntimeException e) {
            return FrameVerdict.dropped(FrameVerdict.Drop.MALFORMED);
        }
        long missing = sequences.accept(h.from(), h.seq(), policy.firstSequence().getAsLong());
        return new FrameVerdict(null, h, type, body, List.copyOf(logical.subList(1, logical.size())), missing);
    }
}
