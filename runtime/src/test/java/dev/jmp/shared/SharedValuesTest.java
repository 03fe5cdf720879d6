package dev.jmp.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.internal.mapped.SharedFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The public shared types in one process: their atomic methods, and that a serialized copy
 * is a live proxy on the same memory. Separate processes are proven in {@link SharedProcessesIT}.
 */
@Timeout(300)
class SharedValuesTest {

    @SuppressWarnings("unchecked")
    private static <T> T copy(T shared) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(shared);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void sharedLongHasAtomicLongSemantics() {
        try (SharedLong v = Shared.longValue(10)) {
            assertEquals(11, v.incrementAndGet());
            assertEquals(11, v.getAndIncrement());
            assertEquals(11, v.decrementAndGet());
            assertEquals(11, v.getAndDecrement());
            assertEquals(15, v.addAndGet(5));
            assertEquals(15, v.getAndAdd(-5));
            assertFalse(v.compareAndSet(15, 0));
            assertTrue(v.compareAndSet(10, 20));
            assertEquals(40, v.updateAndGet(x -> x * 2));
            assertEquals(40, v.getAndUpdate(x -> x + 1));
            assertEquals(82, v.accumulateAndGet(2, (a, b) -> a * b));
            assertEquals(82, v.getAndAccumulate(1, Long::sum));
            assertEquals(83, v.getAndSet(7));
            v.set(Long.MIN_VALUE);
            assertEquals(Long.MIN_VALUE, v.get());
            assertTrue(v.toString().startsWith("SharedLong#"), v.toString());
        }
    }

    @Test
    void sharedIntAndDoubleMirrorIt() {
        try (SharedInt i = new SharedInt(); SharedDouble d = Shared.doubleValue(1.5)) {
            assertEquals(1, i.incrementAndGet());
            assertEquals(Integer.MAX_VALUE, i.updateAndGet(x -> Integer.MAX_VALUE));
            assertEquals(Integer.MIN_VALUE, i.incrementAndGet(), "wraps like AtomicInteger");
            assertEquals(2.0, d.addAndGet(0.5));
            assertEquals(2.0, d.getAndAdd(1.0));
            assertTrue(d.compareAndSet(3.0, Double.NaN));
            assertTrue(d.compareAndSet(Double.NaN, -0.0), "bitwise: NaN equals itself");
            assertFalse(d.compareAndSet(0.0, 1.0), "bitwise: 0.0 is not -0.0");
            assertEquals(6.0, d.accumulateAndGet(6.0, Math::max));
            assertEquals(12.0, d.updateAndGet(x -> x * 2));
            assertEquals(12.0, d.getAndUpdate(x -> x + 1));
            assertEquals(13.0, d.getAndSet(0));
        }
    }

    @Test
    void arraysHaveAtomicElementsAndBulkRanges() {
        try (SharedLongArray a = Shared.longArray(5); SharedIntArray b = Shared.intArray(new int[] {1, 2, 3});
             SharedDoubleArray c = new SharedDoubleArray(4)) {
            assertEquals(5, a.length());
            assertEquals(3, a.addAndGet(4, 3));
            assertEquals(3, a.getAndIncrement(4));
            assertEquals(5, a.incrementAndGet(4));
            assertTrue(a.compareAndSet(4, 5, 50));
            assertFalse(a.compareAndSet(4, 5, 60));
            assertEquals(100, a.updateAndGet(4, x -> x * 2));
            a.set(0, new long[] {7, 8});
            assertArrayEquals(new long[] {7, 8, 0, 0, 100}, a.toArray());
            assertArrayEquals(new long[] {8, 0}, a.toArray(1, 3));
            a.fill(1, 3, -1);
            assertArrayEquals(new long[] {7, -1, -1}, a.get(0, new long[3]));
            assertThrows(IndexOutOfBoundsException.class, () -> a.get(5));
            assertThrows(IndexOutOfBoundsException.class, () -> a.toArray(3, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> a.set(4, new long[2]));

            assertEquals(2, b.getAndDecrement(1));
            assertArrayEquals(new int[] {1, 1, 3}, b.toArray());
            b.fill(9);
            assertEquals(9 * 3, b.toArray()[0] + b.get(1) + b.get(2));

            assertEquals(0.25, c.addAndGet(2, 0.25));
            assertTrue(c.compareAndSet(2, 0.25, 1.0));
            c.set(0, new double[] {0.5, 0.75});
            assertArrayEquals(new double[] {0.5, 0.75, 1.0, 0.0}, c.toArray(), 0.0);
            assertTrue(c.toString().endsWith("[0.5, 0.75, 1.0, 0.0]"), c.toString());
        }
    }

    @Test
    void aSerializedCopyIsALiveProxyOnTheSameMemory() throws Exception {
        SharedLong owner = new SharedLong(1);
        SharedLong proxy = copy(owner);
        assertNotSame(owner, proxy);
        assertEquals(owner.name(), proxy.name());
        proxy.addAndGet(41);
        assertEquals(42, owner.get());
        proxy.close();
        assertThrows(IllegalStateException.class, proxy::get);
        assertEquals(43, owner.incrementAndGet(), "closing a proxy leaves the owner working");

        SharedLong again = copy(owner);
        Path file = SharedFiles.pathOf(owner);
        owner.close();
        assertFalse(Files.exists(file));
        IllegalStateException e = assertThrows(IllegalStateException.class, again::incrementAndGet);
        assertTrue(e.getMessage().startsWith(owner.name() + " was closed by its owner"), e.getMessage());
        assertTrue(again.toString().endsWith("(closed)"));
        assertThrows(IllegalStateException.class, () -> copy(owner), "a closed object cannot be sent");
    }

    @Test
    void everyTypeTravelsAsItself() throws Exception {
        try (SharedIntArray ints = new SharedIntArray(new int[] {4});
             SharedDoubleArray doubles = Shared.doubleArray(new double[] {2.5});
             SharedLongArray longs = new SharedLongArray(new long[] {6});
             SharedInt i = Shared.intValue(3); SharedDouble d = new SharedDouble(0.5)) {
            assertEquals(4, copy(ints).get(0));
            assertEquals(2.5, copy(doubles).get(0));
            assertEquals(6, copy(longs).get(0));
            assertEquals(3, copy(i).get());
            assertEquals(0.5, copy(d).get());
        }
    }

    @Test
    void arraysPrintTheirHeadAndCheckRanges() throws Exception {
        long[] twenty = new long[20];
        for (int k = 0; k < twenty.length; k++) {
            twenty[k] = k;
        }
        try (SharedLongArray longs = new SharedLongArray(twenty);
             SharedIntArray ints = Shared.intArray(3)) {
            assertEquals(longs.name() + "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, ... (20 elements)]",
                    longs.toString());
            assertEquals(ints.name() + "[0, 0, 0]", ints.toString());
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> ints.toArray(2, 1));
            assertEquals("range [2, 1) is reversed", e.getMessage());
            assertEquals(5, ints.updateAndGet(1, x -> x + 5));
            assertEquals(5, ints.getAndUpdate(1, x -> x * 3));
            assertEquals(16, longs.accumulateAndGet(19, -3, Long::sum));
            SharedIntArray proxy = copy(ints);
            assertEquals(15, proxy.get(1));
            assertEquals(ints.name(), proxy.name());
            proxy.close();
            assertEquals(ints.name() + " (closed)", proxy.toString());
            assertEquals(ints.name() + "[0, 15, 0]", ints.toString(), "closing a proxy leaves the owner alone");
        }
    }

    @Test
    void inheritedMethodsAreDeclaredOnThePublicTypes() throws Exception {
        // Callers outside dev.jmp can invoke them reflectively only if a public class declares them.
        for (Class<?> type : new Class<?>[] {SharedInt.class, SharedLong.class, SharedDouble.class,
                SharedIntArray.class, SharedLongArray.class, SharedDoubleArray.class}) {
            for (String method : new String[] {"name", "close", "toString"}) {
                assertEquals(type, type.getMethod(method).getDeclaringClass(), type + "." + method);
            }
        }
    }

    @Test
    void badLengthsGetClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shared.doubleArray(0));
        assertEquals("SharedDoubleArray length must be at least 1, got 0", e.getMessage());
    }
}
