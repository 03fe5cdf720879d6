package dev.jmp.internal.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.error.SerializationException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many items in one frame: fast paths round-trip exactly, and the bytes equal {@link Values}' own. */
@Timeout(300)
class BatchCodecTest {

    private static final ClassLoader L = BatchCodecTest.class.getClassLoader();
    private static final Supplier<String> NAME = () -> "v";

    record Point(int x, String label) implements Serializable {
    }

    static List<Object> samples() {
        List<Object> s = new ArrayList<>(Arrays.asList(null, 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 7L,
                Long.MIN_VALUE, 0.0, -0.0, Double.NaN, 1e300, true, false, "", "ascii", "é ü 東京",
                "pair \uD83D\uDE00 end", "x".repeat(5000), "ü".repeat(5000), (short) 3, (byte) 4, 'c', 1.5f,
                new byte[] {1, 2, 3}, new int[] {1, -2}, new double[] {0.5}, new Point(3, "p"), List.of(1, "two")));
        return s;
    }

    @Test
    void everyKindRoundTripsThroughOneFrameWithTheFacadesBytes() {
        ValueList.Writer w = new ValueList.Writer();
        for (Object v : samples()) {
            w.addValue(v, NAME);
        }
        List<byte[]> frames = w.frames();
        assertEquals(1, frames.size(), "small values share the packed frame");
        ValueList.Reader r = new ValueList.Reader(frames, 0);
        List<Object> samples = samples();
        assertEquals(samples.size(), r.size());
        for (int i = 0; i < samples.size(); i++) {
            Object want = samples.get(i);
            Object got = r.value(i, L);
            if (want instanceof byte[] b) {
                assertArrayEquals(b, (byte[]) got);
            } else if (want instanceof int[] a) {
                assertArrayEquals(a, (int[]) got);
            } else if (want instanceof double[] a) {
                assertArrayEquals(a, (double[]) got);
            } else {
                assertEquals(want, got, "item " + i);
            }
            if (!(want instanceof Point) && !(want instanceof List)) {
                assertArrayEquals(Values.encode(want, "v"), r.item(i).toArray(), "item " + i + " is encoded as Values does");
            }
        }
    }

    @Test
    void bigValuesTravelAsTheirOwnFrames() {
        byte[] raw = new byte[ValueList.INLINE_LIMIT + 1];
        raw[7] = 7;
        String text = "y".repeat(ValueList.INLINE_LIMIT + 10);
        List<byte[]> frames = new ValueList.Writer().addValue(1, NAME).addValue(raw, NAME).addValue(text, NAME)
                .addValue(2, NAME).frames();
        assertEquals(3, frames.size());
        ValueList.Reader r = new ValueList.Reader(frames, 0);
        assertEquals(ValueList.BYTES, r.status(1), "a large byte[] goes raw, without a tag");
        assertArrayEquals(raw, (byte[]) r.value(1, L));
        assertEquals(text, r.value(2, L));
        assertEquals(2, r.value(3, L));
    }

    @Test
    void aValueThatCannotBeSentIsNamedAndLeavesTheBufferAsItWas() {
        ItemBuffer b = new ItemBuffer();
        b.add(1, 0);
        b.add(2, 1);
        Object bad = new Object();
        SerializationException e = assertThrows(SerializationException.class, () -> b.add(List.of(bad), 2));
        assertTrue(e.getMessage().contains("items[2]"), e.getMessage());
        b.add(3, 2);
        ValueList.Reader r = new ValueList.Reader(b.take(10).frames(), 0);
        assertEquals(List.of(1, 2, 3), List.of(r.value(0, L), r.value(1, L), r.value(2, L)));
    }

    @Test
    void takeCutsChunksInOrderUnderTheByteCapAndStopsAtAFailedItem() {
        ItemBuffer b = new ItemBuffer();
        String item = "z".repeat(60_000);
        for (int i = 0; i < 40; i++) {
            b.add(i + item, i);
        }
        b.addFailed();
        b.add("after", 41);
        int seen = 0;
        while (!b.failedAtHead()) {
            PackedItems p = b.take(1000);
            assertTrue(p.frames().get(0).length <= ItemBuffer.MAX_CHUNK_BYTES, "a chunk stays under the cap");
            assertTrue(p.count() > 1 && p.count() < 40, "the cap, not k, cut it: " + p.count());
            ValueList.Reader r = new ValueList.Reader(p.frames(), 0);
            for (int i = 0; i < r.size(); i++) {
                assertEquals(seen++ + item, r.value(i, L));
            }
        }
        assertEquals(40, seen);
        assertTrue(b.take(5).isEmpty(), "nothing passes a failed item");
        b.dropFailed();
        assertEquals("after", new ValueList.Reader(b.take(5).frames(), 0).value(0, L));
        assertEquals(0, b.size());
    }

    @Test
    void aLongFeedKeepsOrderAcrossCompactionsAndExternals() {
        ItemBuffer b = new ItemBuffer();
        long next = 0;
        long expected = 0;
        byte[] big = new byte[ValueList.INLINE_LIMIT + 3];
        for (int round = 0; round < 200; round++) {
            for (int i = 0; i < 50; i++, next++) {
                b.add(next % 97 == 0 ? (Object) big : (Object) next, next);
            }
            PackedItems p = b.take(37);
            ValueList.Reader r = new ValueList.Reader(p.frames(), 0);
            for (int i = 0; i < r.size(); i++, expected++) {
                Object v = r.value(i, L);
                if (expected % 97 == 0) {
                    assertEquals(big.length, ((byte[]) v).length);
                } else {
                    assertEquals(expected, v);
                }
            }
        }
        while (b.size() > 0) {
            expected += b.take(1000).count();
        }
        assertEquals(next, expected);
    }

    @Test
    void aPartOfAChunkHoldsExactlyItsItems() {
        ItemBuffer b = new ItemBuffer();
        byte[] big = new byte[ValueList.INLINE_LIMIT + 1];
        for (int i = 0; i < 10; i++) {
            b.add(i == 4 || i == 7 ? (Object) big : (Object) i, i);
        }
        PackedItems all = b.take(10);
        PackedItems mid = all.sub(3, 5);
        List<byte[]> frames = mid.frames();
        assertEquals(3, frames.size(), "the packed frame and the two externals in range");
        ValueList.Reader r = new ValueList.Reader(frames, 0);
        assertEquals(5, r.size());
        assertEquals(3, r.value(0, L));
        assertEquals(big.length, ((byte[]) r.value(1, L)).length);
        assertEquals(6, r.value(3, L));
        assertThrows(IndexOutOfBoundsException.class, () -> all.sub(8, 3));
    }

    private static byte[] frame(int count, int externals, byte[] records) {
        byte[] f = new byte[8 + records.length];
        for (int k = 0; k < 4; k++) {
            f[k] = (byte) (count >>> (8 * k));
            f[4 + k] = (byte) (externals >>> (8 * k));
        }
        System.arraycopy(records, 0, f, 8, records.length);
        return f;
    }

    private static String refused(List<byte[]> frames) {
        return assertThrows(IllegalArgumentException.class, () -> new ValueList.Reader(frames, 0)).getMessage();
    }

    @Test
    void malformedListsAreRefusedBeforeAnythingIsAllocatedForThem() {
        byte[] one = {0, 5, 0, 0, 0, Values.INT, 1, 0, 0, 0};
        assertEquals(1, new ValueList.Reader(List.of(frame(1, 0, one)), 0).value(0, L));
        String m = refused(List.of(frame(Integer.MAX_VALUE, 0, one)));
        assertTrue(m.contains("declares 2147483647 items") && m.contains("at most 2"), m);
        m = refused(List.of(frame(-1, 0, one)));
        assertTrue(m.contains("declares -1 items"), m);
        m = refused(List.of(frame(1, 1, one)));
        assertTrue(m.contains("external"), m);
        m = refused(List.of(frame(1, 0, new byte[] {0, -1, -1, -1, -1})));
        assertTrue(m.contains("more external items"), m);
        m = refused(List.of(frame(1, 0, new byte[] {0, -2, -1, -1, -1})));
        assertTrue(m.contains("truncated"), m);
        m = refused(List.of(frame(1, 0, new byte[] {0, 9, 0, 0, 0, 1})));
        assertTrue(m.contains("truncated"), m);
        m = refused(List.of(frame(1, 0, new byte[] {9, 0, 0, 0, 0})));
        assertTrue(m.contains("status 9"), m);
        m = refused(List.of(frame(1, 0, new byte[] {0, 0, 0, 0, 0, 42})));
        assertTrue(m.contains("1 bytes after its last item"), m);
        m = refused(List.of(new byte[5]));
        assertTrue(m.contains("truncated"), m);
    }

    @Test
    void anArgumentListThatClaimsMoreThanItHoldsIsRefused() {
        byte[] lie = {Values.ARGS, -1, -1, -1, 0x7f};
        String m = assertThrows(SerializationException.class, () -> Values.decode(lie, L)).getMessage();
        assertTrue(m.contains("declares 2147483647 arguments"), m);
        byte[] cut = {Values.ARGS, 1, 0, 0, 0, 9, 0, 0, 0, Values.NULL};
        m = assertThrows(SerializationException.class, () -> Values.decode(cut, L)).getMessage();
        assertTrue(m.contains("truncated"), m);
        Object[] ok = (Object[]) Values.decode(Values.encodeArgs(new Object[] {1, "a"}, "args"), L);
        assertEquals(List.of(1, "a"), List.of(ok));
    }
}
