package dev.jmp.internal.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.function.SerialCallable;
import dev.jmp.error.SerializationException;
import java.io.Serializable;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The value facade: fast paths round-trip exactly, and unserializable values are named by path. */
@Timeout(300)
class ValuesTest {

    private static final ClassLoader L = ValuesTest.class.getClassLoader();

    private static Object roundTrip(Object v) {
        return Values.decode(Values.encode(v, "v"), L);
    }

    @Test
    void fastPathsRoundTrip() {
        assertNull(roundTrip(null));
        assertEquals("héllo", roundTrip("héllo"));
        assertEquals(42, roundTrip(42));
        assertEquals(-7L, roundTrip(-7L));
        assertEquals(1.5, roundTrip(1.5));
        assertEquals(true, roundTrip(true));
        assertEquals('x', roundTrip('x'));
        assertEquals((short) 3, roundTrip((short) 3));
        assertEquals((byte) 4, roundTrip((byte) 4));
        assertEquals(2.5f, roundTrip(2.5f));
        assertArrayEquals(new byte[] {1, -2, 3}, (byte[]) roundTrip(new byte[] {1, -2, 3}));
        assertArrayEquals(new int[] {1, Integer.MIN_VALUE}, (int[]) roundTrip(new int[] {1, Integer.MIN_VALUE}));
        assertArrayEquals(new long[] {Long.MAX_VALUE}, (long[]) roundTrip(new long[] {Long.MAX_VALUE}));
        assertArrayEquals(new double[] {Math.PI, Double.NaN}, (double[]) roundTrip(new double[] {Math.PI, Double.NaN}));
        assertArrayEquals(new float[] {1f}, (float[]) roundTrip(new float[] {1f}));
        assertArrayEquals(new short[] {-1}, (short[]) roundTrip(new short[] {-1}));
        assertArrayEquals(new char[] {'a', 'é'}, (char[]) roundTrip(new char[] {'a', 'é'}));
        assertArrayEquals(new boolean[] {true, false}, (boolean[]) roundTrip(new boolean[] {true, false}));
        assertEquals(List.of(1, "a"), roundTrip(new ArrayList<>(List.of(1, "a"))));
        Object[] args = (Object[]) Values.decode(Values.encodeArgs(new Object[] {1, "two", new int[] {3}}, "args"), L);
        assertEquals(1, args[0]);
        assertEquals("two", args[1]);
        assertArrayEquals(new int[] {3}, (int[]) args[2]);
    }

    @Test
    void fastPathsAreRawBytes() {
        assertEquals(1 + 8 * 1000, Values.encode(new double[1000], "v").length);
        assertEquals(1 + 3, Values.encode(new byte[3], "v").length);
    }

    static final class Holder implements Serializable {
        private static final long serialVersionUID = 1L;
        final String name = "h";
        final Object conn;

        Holder(Object conn) {
            this.conn = conn;
        }
    }

    @Test
    void unserializableCaptureIsNamedByFieldPath() {
        Holder h = new Holder(new Socket());
        SerialCallable<String> task = () -> h.name;
        SerializationException e = assertThrows(SerializationException.class, () -> Values.encode(task, "task"));
        assertEquals("task.arg$1.conn", e.path());
        assertEquals("java.net.Socket", e.typeName());
        assertTrue(e.getMessage().startsWith("task.arg$1.conn: java.net.Socket"), e.getMessage());
    }

    @Test
    void unserializableElementsOfCollectionsAndArrays() {
        Map<String, Object> m = new HashMap<>();
        m.put("k", List.of(1, new Object()));
        SerializationException e = assertThrows(SerializationException.class, () -> Values.encode(m, "items[3]"));
        assertEquals("items[3][k][1]", e.path());
        assertEquals("java.lang.Object", e.typeName());
        SerializationException a = assertThrows(SerializationException.class,
                () -> Values.encodeArgs(new Object[] {1, new Thread()}, "args"));
        assertEquals("args[1]", a.path());
    }

    @Test
    void nonSerializableLambdaIsExplained() {
        Runnable r = () -> { };
        SerializationException e = assertThrows(SerializationException.class, () -> Values.encode(r, "task"));
        assertTrue(e.getMessage().contains("Serial"), e.getMessage());
    }

    @Test
    void valueListPacksSmallItemsAndKeepsLargeOnesApart() {
        ValueList.Writer w = new ValueList.Writer();
        byte[] big = new byte[ValueList.INLINE_LIMIT + 1];
        big[5] = 9;
        w.add(ValueList.VALUE, new byte[] {1}).add(ValueList.ERROR, big).add(ValueList.VALUE, new byte[0]);
        List<byte[]> frames = new ArrayList<>(w.frames());
        assertEquals(2, frames.size());
        frames.add(0, new byte[] {7});
        ValueList.Reader r = new ValueList.Reader(frames, 1);
        assertEquals(3, r.size());
        assertEquals(ValueList.ERROR, r.status(1));
        assertArrayEquals(big, r.item(1).toArray());
        assertEquals(1, r.item(0).toArray()[0]);
        assertEquals(0, r.item(2).len());
    }
}
