package dev.jmp.internal.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.serial.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The manager's condition decisions: a waiter answers only once it holds the lock again, with its holds. */
@Timeout(300)
class ConditionObjectTest {

    private final FakeHost host = new FakeHost();
    private final LockObject lockObject = new LockObject(host, "rlock 1", true);
    private final Calls lock = new Calls(lockObject);
    private final Calls cond = new Calls(lockObject.newCondition("condition 2"));

    private Calls.Call acquire(String peer, long token) {
        return lock.call(ManagerOp.LOCK_ACQUIRE, peer, 1, token, -1, 0);
    }

    private void release(String peer) {
        lock.call(ManagerOp.LOCK_RELEASE, peer, 1, 0, 0, 0);
        host.runHandoffs();
    }

    private Calls.Call await(String peer, long token, long ms) {
        return cond.call(ManagerOp.COND_AWAIT, peer, 1, token, ms, 0);
    }

    private long signal(String peer, long n) {
        return cond.call(ManagerOp.COND_SIGNAL, peer, 1, 0, 0, n).got().v();
    }

    @Test
    void aSignalledWaiterAnswersOnceItHoldsTheLockAgainWithAllItsHolds() {
        acquire("w1", 1);
        acquire("w1", 2);
        Calls.Call waiting = await("w1", 3, -1);
        assertTrue(acquire("w2", 4).got().b(), "await released both holds");
        assertEquals(1, signal("w2", 1));
        assertFalse(waiting.answered(), "the signaller still holds the lock");
        release("w2");
        assertTrue(waiting.got().b(), "signalled, not timed out");
        assertEquals(2, waiting.got().v(), "both holds are back");
    }

    @Test
    void signalsWakeWaitersInArrivalOrder() {
        acquire("w1", 1);
        Calls.Call first = await("w1", 2, -1);
        acquire("w2", 3);
        Calls.Call second = await("w2", 4, -1);
        acquire("w3", 5);
        assertEquals(1, signal("w3", 1));
        release("w3");
        assertTrue(first.answered());
        assertFalse(second.answered());
        assertEquals(1, signal("w1", 5), "one waiter was left to signal");
        release("w1");
        assertTrue(second.got().b());
    }

    @Test
    void aTimedOutWaiterTakesTheLockBackAndSaysItWasNotSignalled() {
        acquire("w1", 1);
        Calls.Call waiting = await("w1", 2, 100);
        acquire("w2", 3);
        assertEquals(1, host.fireTimeouts());
        assertFalse(waiting.answered(), "w2 holds the lock");
        release("w2");
        assertFalse(waiting.got().b());
        assertEquals(1, waiting.got().v());
    }

    @Test
    void theDeathOfTheLocksHolderWakesEveryWaiter() {
        acquire("w1", 1);
        Calls.Call waiting = await("w1", 2, -1);
        acquire("w2", 3);
        lock.peerGone("w2");
        assertTrue(waiting.got().b());
        assertEquals("worker w2 (pid 7, thread 1)", waiting.got().s(), "it learns who died holding the lock");
    }

    @Test
    void aWithdrawnWaiterReclaimsItsHolds() {
        acquire("w1", 1);
        acquire("w1", 2);
        Calls.Call waiting = await("w1", 9, -1);
        assertTrue(waiting.withdraw());
        Calls.Call reclaimed = lock.call(ManagerOp.LOCK_RECLAIM, "w1", 1, 9, 0, 0);
        assertEquals(2, reclaimed.got().v());
        assertEquals(ErrorCode.ILLEGAL_STATE,
                assertThrows(Fault.class, () -> lock.call(ManagerOp.LOCK_RECLAIM, "w1", 1, 10, 0, 0)).code());
    }

    @Test
    void onlyTheHolderMayAwaitOrSignal() {
        acquire("w1", 1);
        assertEquals(ErrorCode.ILLEGAL_MONITOR_STATE, assertThrows(Fault.class, () -> signal("w2", 1)).code());
        assertEquals(ErrorCode.ILLEGAL_MONITOR_STATE, assertThrows(Fault.class, () -> await("w2", 2, -1)).code());
    }
}
