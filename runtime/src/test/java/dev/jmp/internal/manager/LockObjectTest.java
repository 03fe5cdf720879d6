package dev.jmp.internal.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.serial.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The manager's lock decisions: hand-off in arrival order, timeouts, withdrawals, a dead holder. */
@Timeout(300)
class LockObjectTest {

    private final FakeHost host = new FakeHost();

    private Calls lock(boolean reentrant) {
        return new Calls(new LockObject(host, "lock 1", reentrant));
    }

    private static Calls.Call acquire(Calls l, String peer, long token, long ms) {
        return l.call(ManagerOp.LOCK_ACQUIRE, peer, 1, token, ms, 0);
    }

    private void release(Calls l, String peer) {
        l.call(ManagerOp.LOCK_RELEASE, peer, 1, 0, 0, 0);
        host.runHandoffs(); // a release may leave the lock free for a barging acquirer for a moment
    }

    private static boolean locked(Calls l) {
        return l.call(ManagerOp.LOCK_STATE, "p", 1, 0, 0, 0).got().b();
    }

    @Test
    void waitersGetTheLockInArrivalOrder() {
        Calls l = lock(false);
        assertTrue(acquire(l, "w1", 1, -1).got().b());
        Calls.Call second = acquire(l, "w2", 2, -1);
        Calls.Call third = acquire(l, "w3", 3, -1);
        release(l, "w1");
        assertTrue(second.got().b());
        assertFalse(third.answered());
        release(l, "w2");
        assertTrue(third.got().b());
        release(l, "w3");
        assertFalse(locked(l));
    }

    @Test
    void aTimedOutOrWithdrawnWaiterIsPassedOver() {
        Calls l = lock(false);
        acquire(l, "w1", 1, -1);
        assertFalse(acquire(l, "w2", 2, 0).got().b(), "a zero timeout answers at once");
        Calls.Call timed = acquire(l, "w2", 3, 100);
        Calls.Call withdrawn = acquire(l, "w3", 4, -1);
        assertEquals(1, host.fireTimeouts());
        assertFalse(timed.got().b());
        assertTrue(withdrawn.withdraw());
        release(l, "w1");
        assertFalse(locked(l), "nobody was left to hand the lock to");
        assertFalse(withdrawn.answered());
    }

    @Test
    void aDeadHoldersLockGoesToTheNextWaiterWhoHearsWhoDied() {
        Calls l = lock(false);
        acquire(l, "w1", 1, -1);
        Calls.Call next = acquire(l, "w2", 2, -1);
        l.peerGone("w1");
        assertTrue(next.got().b());
        assertEquals("worker w1 (pid 7, thread 1)", next.got().s());
        release(l, "w2");
        assertNull(acquire(l, "w3", 3, -1).got().s(), "only the first grant after the death reports it");
    }

    /**
     * Two processes under child w1 (pids 5 and 6) call through w1's connection: the death of one
     * (w1's {@code $ gone} notice) frees what that one held, not its sibling's, and w1 lives on.
     */
    @Test
    void aDeadGrandchildsLockIsFreedWithoutTouchingItsSiblingUnderTheSameChild() {
        long five = 5L << 40 | 1;
        long six = 6L << 40 | 1;
        Calls l = lock(false);
        assertTrue(l.call(ManagerOp.LOCK_ACQUIRE, "w1", five, 1, -1, 0).got().b());
        Calls.Call sibling = l.call(ManagerOp.LOCK_ACQUIRE, "w1", six, 2, -1, 0);
        l.gone(Owner.process("w1", 6)); // the waiting sibling died: its wait is dropped
        assertFalse(sibling.answered());
        Calls.Call next = acquire(l, "w2", 3, -1);
        l.gone(Owner.process("w2", 5)); // pid 5 under another child holds nothing
        assertFalse(next.answered());
        l.gone(Owner.process("w1", 5));
        assertTrue(next.got().b(), "the dead grandchild's lock went to the next waiter");
    }

    @Test
    void aLockFreedByADeathWithNobodyWaitingTellsTheNextAcquirer() {
        Calls l = lock(true);
        acquire(l, "w1", 1, -1);
        l.peerGone("w1");
        assertFalse(locked(l));
        assertEquals("worker w1 (pid 7, thread 1)", acquire(l, "w2", 2, -1).got().s());
    }

    @Test
    void onlyTheHolderReleasesAndAPlainLockIsNotReentrant() {
        Calls l = lock(false);
        acquire(l, "w1", 1, -1);
        assertEquals(ErrorCode.ILLEGAL_MONITOR_STATE,
                assertThrows(Fault.class, () -> l.call(ManagerOp.LOCK_RELEASE, "w2", 1, 0, 0, 0)).code());
        assertEquals(ErrorCode.ILLEGAL_STATE, assertThrows(Fault.class, () -> acquire(l, "w1", 2, -1)).code());
        Calls r = lock(true);
        acquire(r, "w1", 1, -1);
        assertEquals(2, acquire(r, "w1", 2, -1).got().v(), "an rlock counts holds");
        release(r, "w1");
        assertTrue(locked(r));
        release(r, "w1");
        assertFalse(locked(r));
    }

    @Test
    void anAbandonedGrantIsReleased() {
        Calls l = lock(false);
        acquire(l, "w1", 5, -1);
        l.call(ManagerOp.LOCK_ABANDON, "w1", 1, 5, 0, 0);
        host.runHandoffs();
        assertFalse(locked(l), "the interrupted acquirer never read its grant");
    }
}
