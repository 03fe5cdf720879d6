package dev.jmp.internal.mapped;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The mapped backend in one process: element operations, ranges, closing, and references. */
@Timeout(300)
class MappedCellsTest {

    @TempDir
    Path root;

    private MappedHome home;

    @BeforeEach
    void home() {
        home = new MappedHome(root);
    }

    private LongCells longs(int length) {
        return (LongCells) MappedCells.create(home, ElementKind.LONG, length, "TestLongs");
    }

    @Test
    void longElementOperationsBehaveLikeAtomicLongArray() {
        LongCells cells = longs(4);
        assertEquals(4, cells.length());
        assertEquals(ElementKind.LONG, cells.kind());
        assertEquals(0, cells.get(3), "new cells are zero");
        cells.set(1, 10);
        assertEquals(10, cells.getAndSet(1, 20));
        assertEquals(20, cells.getAndAdd(1, 5));
        assertEquals(25, cells.get(1));
        assertEquals(25, cells.compareAndExchange(1, 25, 30), "success returns the expected value");
        assertEquals(30, cells.compareAndExchange(1, 25, 40), "failure returns the witness");
        assertEquals(30, cells.get(1));
        assertEquals(Long.MAX_VALUE, cells.getAndAdd(2, Long.MAX_VALUE) + Long.MAX_VALUE);
        assertEquals(Long.MIN_VALUE, cells.getAndAdd(2, 1) + 1, "adds wrap around like Java's");
    }

    @Test
    void rangesReadWriteAndFill() {
        LongCells cells = longs(6);
        cells.write(1, new long[] {9, 1, 2, 3, 9}, 1, 3);
        long[] out = new long[8];
        cells.read(0, out, 2, 6);
        assertArrayEquals(new long[] {0, 0, 0, 1, 2, 3, 0, 0}, out);
        cells.fill(4, 6, 7);
        long[] all = new long[6];
        cells.read(0, all, 0, 6);
        assertArrayEquals(new long[] {0, 1, 2, 3, 7, 7}, all);
        assertThrows(IndexOutOfBoundsException.class, () -> cells.read(4, new long[3], 0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> cells.write(0, new long[2], 1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> cells.fill(3, 2, 0));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> cells.get(6));
        assertTrue(e.getMessage().contains("6") && e.getMessage().contains("length 6"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> cells.set(-1, 0));
    }

    @Test
    void intsWrapAndStayInTheirOwnFourBytes() {
        IntCells cells = (IntCells) MappedCells.create(home, ElementKind.INT, 3, "TestInts");
        cells.set(0, Integer.MAX_VALUE);
        assertEquals(Integer.MAX_VALUE, cells.getAndAdd(0, 1));
        assertEquals(Integer.MIN_VALUE, cells.get(0));
        assertEquals(0, cells.get(1), "an int update must not spill into its neighbour");
        cells.fill(0, 3, -2);
        int[] out = new int[3];
        cells.read(0, out, 0, 3);
        assertArrayEquals(new int[] {-2, -2, -2}, out);
    }

    @Test
    void doublesAddAtomicallyAndCompareBitwise() {
        DoubleCells cells = (DoubleCells) MappedCells.create(home, ElementKind.DOUBLE, 2, "TestDoubles");
        assertEquals(0.0, cells.getAndAdd(0, 1.25));
        assertEquals(1.25, cells.get(0));
        cells.set(1, Double.NaN);
        assertTrue(cells.compareAndSet(1, Double.NaN, 2.0), "NaN matches its own bits");
        cells.set(1, 0.0);
        assertFalse(cells.compareAndSet(1, -0.0, 3.0), "-0.0 has other bits than 0.0");
        assertEquals(0.0, cells.getAndSet(1, 5.5));
        assertEquals(5.5, cells.get(1));
    }

    @Test
    void badLengthsAreRejectedWithTheLimit() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> MappedCells.create(home, ElementKind.INT, 0, "TestInts"));
        assertTrue(zero.getMessage().contains("at least 1"), zero.getMessage());
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> MappedCells.create(home, ElementKind.LONG, Integer.MAX_VALUE, "TestLongs"));
        assertTrue(huge.getMessage().contains("too large"), huge.getMessage());
    }

    @Test
    void ownerCloseUnlinksTheFileAndFailsEveryHandle() {
        LongCells owner = longs(1);
        Path file = Path.of(((MappedCells) owner).path());
        assertTrue(Files.exists(file));
        assertEquals(home.ownerDirectory(), file.getParent());
        LongCells proxy = (LongCells) owner.ref().open();
        assertSame(((MappedCells) owner).region, ((MappedCells) proxy).region, "one mapping per process");
        assertFalse(proxy.isOwner());
        proxy.set(0, 7);
        assertEquals(7, owner.get(0));

        owner.close();
        owner.close();
        assertFalse(Files.exists(file));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> proxy.get(0));
        assertEquals(owner.name() + " was closed by its owner (pid " + ProcessHandle.current().pid()
                + "): a shared value or array cannot be used after its owner closes it or exits", e.getMessage());
        assertThrows(IllegalStateException.class, () -> owner.getAndAdd(0, 1));
        assertThrows(IllegalStateException.class, owner::ref, "a closed object cannot be sent");
    }

    @Test
    void proxyCloseOnlyStopsThatProxy() {
        LongCells owner = longs(2);
        LongCells proxy = (LongCells) owner.ref().open();
        proxy.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> proxy.get(0));
        assertEquals(owner.name() + " was closed in this process", e.getMessage());
        owner.set(1, 3);
        assertEquals(3, owner.get(1));
        assertTrue(Files.exists(Path.of(((MappedCells) owner).path())));
    }

    @Test
    void anUnreachableOwnerHasItsFileRemoved() throws InterruptedException {
        Path file = Path.of(((MappedCells) longs(1)).path());
        assertTrue(Files.exists(file));
        while (Files.exists(file)) {
            System.gc();
            Thread.sleep(20);
        }
    }

    @Test
    void referencesSurviveSerializationAndFailOnceClosed() throws Exception {
        LongCells owner = longs(3);
        owner.set(2, 99);
        CellsRef copy = roundTrip(owner.ref());
        assertEquals(99, ((LongCells) copy.open()).get(2));
        owner.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, copy::open);
        assertTrue(closed.getMessage().startsWith(owner.name() + " was closed by its owner"), closed.getMessage());
    }

    @Test
    void aReferenceToAMissingOrReplacedFileIsRejected() throws Exception {
        Path file = root.resolve("long-7");
        MappedRef ref = new MappedRef(HostIdentity.current(), file.toString(), ElementKind.LONG, 3, 1, 2, 42,
                "SharedLongArray#7@pid42");
        IllegalStateException gone = assertThrows(IllegalStateException.class, ref::open);
        assertEquals("SharedLongArray#7@pid42 no longer exists: its owner (pid 42) closed it or exited, and its file "
                + file + " no longer exists", gone.getMessage());
        Files.write(file, new byte[MappedRegion.HEADER_BYTES + 3 * 8]);
        IllegalStateException other = assertThrows(IllegalStateException.class, roundTrip(ref)::open);
        assertTrue(other.getMessage().contains("now holds something else"), other.getMessage());
        Files.write(file, new byte[8]);
        IllegalStateException shorter = assertThrows(IllegalStateException.class, ref::open);
        assertTrue(shorter.getMessage().contains("shorter than expected"), shorter.getMessage());
    }

    @Test
    void aReferenceFromAnotherHostNeedsTheRemoteBackend() {
        LongCells owner = longs(2);
        MappedRef local = (MappedRef) owner.ref();
        MappedRef remote = new MappedRef("other-host/boot", local.path(), ElementKind.LONG, 2,
                local.tokenHi(), local.tokenLo(), 1, "SharedLongArray#1@pid1");
        IllegalStateException e = assertThrows(IllegalStateException.class, remote::open);
        assertTrue(e.getMessage().startsWith("SharedLongArray#1@pid1 lives in shared memory on host 'other-host/boot'"
                + " and cannot be mapped on host '" + HostIdentity.current() + "'"), e.getMessage());
        try {
            RemoteCells.install(ref -> ref.path().equals(local.path()) ? local.open() : null);
            LongCells viaRemote = (LongCells) remote.open();
            viaRemote.set(1, 4);
            assertEquals(4, owner.get(1));
            RemoteCells.install(ref -> longs(5));
            IllegalStateException mismatch = assertThrows(IllegalStateException.class, remote::open);
            assertTrue(mismatch.getMessage().contains("expected LONG[2]"), mismatch.getMessage());
        } finally {
            RemoteCells.install(null);
        }
    }

    private static CellsRef roundTrip(CellsRef ref) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(ref);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (CellsRef) in.readObject();
        }
    }
}
