package dev.jmp.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frames over the part limit are cut and joined back exactly; a header that lies is refused. */
class FramePartsTest {

    @Test
    void largeFramesAreCutAndJoinedBack() {
        byte[] small = {1, 2, 3};
        byte[] big = new byte[10];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        byte[] exact = new byte[4];
        List<ByteBuffer> out = new ArrayList<>();
        List<Integer> cuts = FrameParts.split(List.of(small, big, exact, big), 4, out);
        assertEquals(List.of(1, 3, 3, 3), cuts);
        assertEquals(1 + 3 + 1 + 3, out.size());
        assertTrue(out.stream().allMatch(f -> f.remaining() <= 4));
        // what the receiver gets: each part's bytes as an array of its own
        List<byte[]> received = out.stream().map(FramePartsTest::bytes).toList();
        assertArrayEquals(new byte[] {8, 9}, received.get(3), "the last part of a cut frame is its tail");
        WireKey key = WireKey.random();
        assertArrayEquals(new FrameSigner(key).sign(received, 0), new FrameSigner(key).signBuffers(out, 0),
                "parts sent as views are signed as the bytes the receiver verifies");
        assertEquals(4, out.get(1).remaining(), "signing leaves the views' positions alone");
        List<byte[]> back = FrameParts.join(received, cuts);
        assertEquals(4, back.size());
        assertArrayEquals(small, back.get(0));
        assertArrayEquals(big, back.get(1));
        assertArrayEquals(exact, back.get(2));
        assertArrayEquals(big, back.get(3));
        assertNull(FrameParts.split(List.of(small), 4, new ArrayList<>()), "nothing cut, no pairs");
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    @Test
    void pairsThatDoNotDescribeTheFramesAreMalformed() {
        List<byte[]> parts = List.of(new byte[1], new byte[1], new byte[1]);
        assertNull(FrameParts.join(parts, List.of(0, 4)), "more parts than frames");
        assertNull(FrameParts.join(parts, List.of(0)), "odd pairs");
        assertNull(FrameParts.join(parts, List.of(0, 1)), "a cut into one part");
        assertNull(FrameParts.join(parts, List.of(1, 2, 0, 2)), "out of order");
        assertNull(FrameParts.join(parts, List.of(5, 2)), "past the end");
        assertEquals(2, FrameParts.join(parts, List.of(1, 2)).size());
    }
}
