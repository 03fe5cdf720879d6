package dev.jmp.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.internal.wire.message.Heartbeat;
import dev.jmp.internal.wire.message.Shutdown;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The verifier's verdict on each kind of bad message, decided without a socket. */
@Timeout(300)
class FrameVerifierTest {

    private static final WireCodec CODEC = WireCodec.standard();
    private final WireKey key = WireKey.random();
    private final SequenceBook book = new SequenceBook();
    /** A worker's rules: only the parent may speak, only to w1; a gap before 1 counts. */
    private final FrameVerifier verifier = new FrameVerifier(key, CODEC, new FrameVerifier.RoutePolicy(
            () -> false, frame -> null, (peer, h) -> "p".equals(h.from()) && "w1".equals(h.to()), () -> 1),
            type -> type == Heartbeat.class, book);

    /** A message as a sender with {@code signingKey} writes it. */
    private static List<byte[]> signed(WireKey signingKey, Header h, byte[] body, byte[]... data) {
        List<byte[]> frames = new ArrayList<>();
        frames.add(null);
        frames.add(CODEC.encodeHeader(h));
        frames.add(body);
        frames.addAll(List.of(data));
        frames.set(0, new FrameSigner(signingKey).sign(frames, 1));
        return frames;
    }

    private List<byte[]> heartbeat(long seq) {
        return signed(key, new Header("Heartbeat", seq, "p", "w1"), CODEC.encodeBody(new Heartbeat(7)));
    }

    @Test
    void aWellFormedMessageIsAcceptedWithItsBodyAndData() {
        byte[] extra = "x".getBytes(StandardCharsets.UTF_8);
        FrameVerdict v = verifier.verify(signed(key, new Header("Heartbeat", 1, "p", "w1"),
                CODEC.encodeBody(new Heartbeat(7)), extra));
        assertTrue(v.accepted(), "dropped as " + v.drop());
        assertEquals(new Heartbeat(7), v.body());
        assertEquals(1, v.data().size());
        assertEquals(0, v.missing());
    }

    @Test
    void aMessageSignedWithAnotherKeyHasABadSignature() {
        FrameVerdict v = verifier.verify(signed(WireKey.random(), new Header("Heartbeat", 1, "p", "w1"),
                CODEC.encodeBody(new Heartbeat(7))));
        assertEquals(FrameVerdict.Drop.BAD_SIGNATURE, v.drop());
    }

    @Test
    void aFrameAlteredAfterSigningHasABadSignature() {
        List<byte[]> frames = heartbeat(1);
        frames.set(2, CODEC.encodeBody(new Heartbeat(8)));
        assertEquals(FrameVerdict.Drop.BAD_SIGNATURE, verifier.verify(frames).drop());
    }

    @Test
    void aReplayedSequenceIsStaleAndDoesNotMoveTheBook() {
        assertTrue(verifier.verify(heartbeat(1)).accepted());
        assertTrue(verifier.verify(heartbeat(2)).accepted());
        assertEquals(FrameVerdict.Drop.STALE, verifier.verify(heartbeat(2)).drop());
        assertEquals(FrameVerdict.Drop.STALE, verifier.verify(heartbeat(1)).drop());
        assertEquals(0, verifier.verify(heartbeat(3)).missing(), "the replays left no gap behind");
    }

    @Test
    void aGapInSequenceNumbersReportsTheMissingMessages() {
        assertEquals(2, verifier.verify(heartbeat(3)).missing(), "the first message from the parent must be 1");
        assertEquals(4, verifier.verify(heartbeat(8)).missing());
    }

    @Test
    void aFrameOverThePartLimitIsMalformedBeforeItsSignatureIsChecked() {
        List<byte[]> frames = signed(key, new Header("Heartbeat", 1, "p", "w1"), CODEC.encodeBody(new Heartbeat(7)),
                new byte[FrameParts.PART_LIMIT + 1]);
        assertEquals(FrameVerdict.Drop.MALFORMED, verifier.verify(frames).drop());
    }

    @Test
    void tooFewFramesOrAShortSignatureAreUnsigned() {
        List<byte[]> frames = heartbeat(1);
        assertEquals(FrameVerdict.Drop.UNSIGNED, verifier.verify(frames.subList(0, 2)).drop());
        frames.set(0, new byte[FrameSigner.SIGNATURE_LENGTH - 1]);
        assertEquals(FrameVerdict.Drop.UNSIGNED, verifier.verify(frames).drop());
    }

    @Test
    void aSignedHeaderForAnotherWorkerIsMisroutedAndAnUnhandledTypeUnknown() {
        assertEquals(FrameVerdict.Drop.MISROUTED, verifier.verify(signed(key, new Header("Heartbeat", 1, "p", "w2"),
                CODEC.encodeBody(new Heartbeat(7)))).drop());
        assertEquals(FrameVerdict.Drop.UNKNOWN_TYPE, verifier.verify(signed(key, new Header("Shutdown", 1, "p", "w1"),
                CODEC.encodeBody(new Shutdown(0)))).drop());
        assertTrue(verifier.verify(heartbeat(1)).accepted(), "neither moved the sequence on");
    }

    @Test
    void aSignedButUnparseableHeaderOrBodyIsMalformed() {
        byte[] junk = "{not json".getBytes(StandardCharsets.UTF_8);
        List<byte[]> frames = new ArrayList<>(List.of(new byte[0], junk, CODEC.encodeBody(new Heartbeat(7))));
        frames.set(0, new FrameSigner(key).sign(frames, 1));
        assertEquals(FrameVerdict.Drop.MALFORMED, verifier.verify(frames).drop());
        assertEquals(FrameVerdict.Drop.MALFORMED, verifier.verify(signed(key, new Header("Heartbeat", 1, "p", "w1"),
                junk)).drop());
        assertNull(verifier.verify(heartbeat(1)).drop());
    }

    @Test
    void partsTheHeaderDoesNotDescribeAreMalformed() {
        FrameVerdict v = verifier.verify(signed(key, new Header("Heartbeat", 1, "p", "w1", List.of(0, 5)),
                CODEC.encodeBody(new Heartbeat(7))));
        assertEquals(FrameVerdict.Drop.MALFORMED, v.drop());
    }
}
