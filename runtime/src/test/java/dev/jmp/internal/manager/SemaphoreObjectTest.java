package dev.jmp.internal.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.serial.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The manager's semaphore decisions: arrival order, timeouts, withdrawals, a dead holder's permits, the bound. */
@Timeout(300)
class SemaphoreObjectTest {

    private final FakeHost host = new FakeHost();

    private Calls semaphore(long permits, boolean bounded) {
        return new Calls(SemaphoreObject.create(host, "semaphore 1", permits, bounded));
    }

    private static Calls.Call acquire(Calls s, String peer, long token, long ms, long n) {
        return s.call(ManagerOp.SEM_ACQUIRE, peer, 1, token, ms, n);
    }

    private static void release(Calls s, String peer, long n) {
        s.call(ManagerOp.SEM_RELEASE, peer, 1, 0, 0, n);
    }

    private static long available(Calls s) {
        return s.call(ManagerOp.SEM_AVAILABLE, "p", 1, 0, 0, 0).got().v();
    }

    @Test
    void waitersAreServedInArrivalOrderAndASmallLaterOneDoesNotPass() {
        Calls s = semaphore(1, false);
        assertTrue(acquire(s, "w1", 1, -1, 1).got().b());
        Calls.Call big = acquire(s, "w2", 2, -1, 2);
        Calls.Call small = acquire(s, "w3", 3, -1, 1);
        release(s, "w1", 1);
        assertFalse(big.answered() || small.answered(), "one permit: the first waiter wants two, the second may not pass it");
        release(s, "w1", 1);
        assertTrue(big.got().b());
        assertFalse(small.answered());
        release(s, "w2", 1);
        assertTrue(small.got().b());
        assertEquals(0, available(s));
    }

    @Test
    void aTimedOutOrWithdrawnWaiterLeavesTheQueue() {
        Calls s = semaphore(0, false);
        assertFalse(acquire(s, "w1", 1, 0, 1).got().b(), "a zero timeout answers at once");
        Calls.Call timed = acquire(s, "w1", 2, 100, 1);
        Calls.Call withdrawn = acquire(s, "w2", 3, -1, 1);
        assertEquals(1, host.fireTimeouts());
        assertFalse(timed.got().b());
        assertTrue(withdrawn.withdraw());
        release(s, "p", 1);
        assertEquals(1, available(s), "nobody was waiting any more");
        assertFalse(withdrawn.answered());
    }

    @Test
    void aDeadHoldersPermitsComeBackAndTheNextAcquirerHearsOfIt() {
        Calls s = semaphore(2, true);
        assertTrue(acquire(s, "w1", 1, -1, 2).got().b());
        Calls.Call waiting = acquire(s, "w2", 2, -1, 1);
        s.peerGone("w1");
        assertTrue(waiting.got().b());
        assertEquals("worker w1 (pid 7) died holding 2 permits", waiting.got().s());
        assertEquals(1, available(s));
    }

    /** Permits are counted per process, so a dead grandchild's come back and its sibling's stay held. */
    @Test
    void aDeadGrandchildsPermitsComeBackAndItsSiblingsStayHeld() {
        Calls s = semaphore(3, true);
        assertTrue(s.call(ManagerOp.SEM_ACQUIRE, "w1", 5L << 40 | 1, 1, -1, 2).got().b());
        assertTrue(s.call(ManagerOp.SEM_ACQUIRE, "w1", 6L << 40 | 1, 2, -1, 1).got().b());
        Calls.Call waiting = acquire(s, "w2", 3, -1, 2);
        s.gone(Owner.process("w1", 5));
        assertTrue(waiting.got().b());
        assertTrue(waiting.got().s().endsWith(" died holding 2 permits"), waiting.got().s());
        assertEquals(0, available(s), "pid 6's permit is still held");
        s.peerGone("w1"); // the child itself died: what came through it comes back
        assertEquals(1, available(s));
    }

    @Test
    void aReleaseByAnyoneCountsAgainstTheHolders() {
        Calls s = semaphore(1, false);
        acquire(s, "w1", 1, -1, 1);
        release(s, "w2", 1); // w2 holds none: credited against w1
        s.peerGone("w1");
        assertEquals(1, available(s), "w1 held nothing any more when it died");
    }

    @Test
    void anAbandonedGrantIsGivenBack() {
        Calls s = semaphore(1, false);
        acquire(s, "w1", 7, -1, 1);
        Calls.Call next = acquire(s, "w2", 8, -1, 1);
        s.call(ManagerOp.SEM_ABANDON, "w1", 1, 7, 0, 0);
        assertTrue(next.got().b(), "the interrupted acquirer's permit went to the next waiter");
    }

    @Test
    void aBoundedSemaphoreRefusesAReleaseAboveItsBound() {
        Calls s = semaphore(1, true);
        Fault f = assertThrows(Fault.class, () -> release(s, "w1", 1));
        assertEquals(ErrorCode.ILLEGAL_STATE, f.code());
        Fault negative = assertThrows(Fault.class, () -> semaphore(-1, false));
        assertEquals(ErrorCode.ILLEGAL_ARGUMENT, negative.code());
    }
}
