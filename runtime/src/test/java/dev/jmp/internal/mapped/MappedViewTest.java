package dev.jmp.internal.mapped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.Jmp;
import dev.jmp.JmpRuntime;
import dev.jmp.WorkerTracking;
import dev.jmp.internal.manager.ManagerCalls;
import dev.jmp.internal.manager.ManagerOp;
import dev.jmp.internal.manager.ManagerRequest;
import dev.jmp.internal.manager.ManagerService;
import dev.jmp.internal.manager.MappedFallback;
import dev.jmp.internal.supervisor.RuntimeAccess;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A mapped array reached through the parent's manager, as a worker on another host reaches it
 * ({@link MappedFallback#view}): every operation lands in the same mapped memory the owner uses, and
 * the manager opens nothing but a mapped array of its own host with the right token. Runs in the
 * parent (the manager's own process); {@code SshLauncherIT} plays the same across real hosts.
 */
@Timeout(300)
class MappedViewTest extends WorkerTracking {

    private String manager;

    @BeforeEach
    void start() {
        manager = ManagerService.in(RuntimeAccess.supervisor(JmpRuntime.defaultRuntime())).implicit();
    }

    @AfterEach
    void stop() {
        Jmp.shutdown();
    }

    /** What a worker on another host gets for {@code cells} (its fallback, given the parent's implicit manager). */
    private Cells elsewhere(Cells cells) {
        return MappedFallback.view((MappedRef) cells.ref(), manager);
    }

    @Test
    void everyOperationThroughTheManagerLandsInTheMappedMemory() {
        LongCells owner = MappedCells.longs("view-test", 4);
        try {
            LongCells view = (LongCells) elsewhere(owner);
            assertEquals(0, view.getAndAdd(1, 5));
            assertEquals(5, owner.get(1));
            owner.set(2, 7);
            assertEquals(7, view.get(2));
            assertEquals(7, view.compareAndExchange(2, 7, 9));
            assertEquals(9, view.compareAndExchange(2, 7, 11), "a failed exchange returns the witness");
            assertEquals(9, owner.get(2));
            assertEquals(9, view.getAndSet(2, 3));
            view.write(0, new long[] {10, 11}, 0, 2);
            long[] back = new long[4];
            owner.read(0, back, 0, 4);
            assertEquals("[10, 11, 3, 0]", Arrays.toString(back));
            view.fill(2, 4, -1);
            assertEquals(-1, owner.get(3));
            assertThrows(IndexOutOfBoundsException.class, () -> view.get(4));
            LongCells again = (LongCells) elsewhere(owner);
            assertEquals(view.ref(), again.ref(), "every process that adopts the array shares one view");
        } finally {
            owner.close();
        }
    }

    @Test
    void intsAndDoublesKeepTheirWidthAndCompareBitwise() {
        IntCells ints = MappedCells.ints("view-ints", 2);
        DoubleCells doubles = MappedCells.doubles("view-doubles", 2);
        try {
            IntCells iv = (IntCells) elsewhere(ints);
            ints.set(0, Integer.MAX_VALUE);
            assertEquals(Integer.MAX_VALUE, iv.getAndAdd(0, 1));
            assertEquals(Integer.MIN_VALUE, ints.get(0), "an int wraps in its own four bytes");
            assertEquals(0, ints.get(1));
            DoubleCells dv = (DoubleCells) elsewhere(doubles);
            assertEquals(0.0, dv.getAndAdd(1, 1.5));
            assertEquals(1.5, doubles.get(1));
            assertFalse(dv.compareAndSet(0, -0.0, 2.0), "-0.0 is not the 0.0 stored");
            assertTrue(dv.compareAndSet(0, 0.0, 2.0));
            assertEquals(2.0, doubles.get(0));
        } finally {
            ints.close();
            doubles.close();
        }
    }

    @Test
    void theManagerOpensOnlyAMappedArrayOfItsOwnHostWithItsToken() {
        LongCells owner = MappedCells.longs("view-guard", 2);
        try {
            MappedRef real = (MappedRef) owner.ref();
            String elsewhere = assertThrows(IllegalStateException.class, () -> view(new MappedRef("other-host/boot",
                    real.path(), ElementKind.LONG, 2, real.tokenHi(), real.tokenLo(), 1, "Elsewhere#1"))).getMessage();
            assertEquals("Elsewhere#1 lives in shared memory on host 'other-host/boot', which neither this process"
                    + " nor its parent runtime can map", elsewhere);
            String outside = assertThrows(IllegalStateException.class, () -> view(new MappedRef(real.host(),
                    "/etc/hostname", ElementKind.LONG, 1, 1, 2, 1, "Outside#1"))).getMessage();
            assertTrue(outside.startsWith("Outside#1 lives in shared memory on host"), outside);
            String forged = assertThrows(IllegalStateException.class, () -> view(new MappedRef(real.host(),
                    real.path(), ElementKind.LONG, 2, real.tokenHi() + 1, real.tokenLo(), 1, "Forged#1"))).getMessage();
            assertTrue(forged.contains("now holds something else"), forged);
            String notARef = assertThrows(IllegalArgumentException.class, () -> view("a string")).getMessage();
            assertEquals("new.mappedView takes a mapped array's reference, not java.lang.String", notARef);
        } finally {
            owner.close();
        }
    }

    private Object view(Object reference) {
        return ManagerCalls.call(ManagerOp.NEW_MAPPED_VIEW, new ManagerRequest(manager, 0, ManagerRequest.caller(),
                0, -1, 0), List.of(ManagerCalls.encode(reference, "a reference"))).reply();
    }
}
