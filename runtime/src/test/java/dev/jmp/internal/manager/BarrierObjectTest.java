package dev.jmp.internal.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.serial.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The manager's barrier decisions, driven without a worker: release, timeout, break, reset. */
@Timeout(300)
class BarrierObjectTest {

    private final FakeHost host = new FakeHost();

    private Calls barrier(long parties, long defaultTimeout) {
        return new Calls(BarrierObject.create(host, "barrier 1", parties, defaultTimeout));
    }

    private static Calls.Call await(Calls b, String peer, long ms) {
        return b.call(ManagerOp.BARRIER_AWAIT, peer, 1, 0, ms, 0);
    }

    @Test
    void theLastPartyReleasesEveryWaiterWithItsArrivalIndex() {
        Calls b = barrier(3, -1);
        Calls.Call first = await(b, "w1", -1);
        Calls.Call second = await(b, "w2", -1);
        assertFalse(first.answered() || second.answered(), "two of three parties wait");
        Calls.Call last = await(b, "w3", -1);
        assertEquals("ok", last.got().s());
        assertEquals(2, first.got().v());
        assertEquals(1, second.got().v());
        assertEquals(0, last.got().v());
        assertEquals(0, host.liveTimeouts());
        assertFalse(await(b, "w1", -1).answered(), "the barrier is cyclic: the next round waits again");
    }

    @Test
    void aTimeoutBreaksTheBarrierForEveryWaiterUntilReset() {
        Calls b = barrier(3, -1);
        Calls.Call timed = await(b, "w1", 100);
        Calls.Call patient = await(b, "w2", -1);
        assertEquals(1, host.fireTimeouts());
        assertEquals("timeout", timed.got().s());
        assertEquals("broken", patient.got().s());
        assertEquals("broken", await(b, "w3", -1).got().s(), "a broken barrier refuses later waits");
        ManagerReply state = b.call(ManagerOp.BARRIER_STATE, "w1", 1, 0, 0, 0).got();
        assertTrue(state.b(), "reported broken");
        b.call(ManagerOp.BARRIER_RESET, "w1", 1, 0, 0, 0);
        assertFalse(await(b, "w1", -1).answered(), "after reset a wait waits again");
    }

    @Test
    void aZeroTimeoutBreaksAtOnceAndTheDefaultTimeoutApplies() {
        Calls b = barrier(2, 50);
        assertEquals("timeout", await(b, "w1", 0).got().s());
        b.call(ManagerOp.BARRIER_RESET, "w1", 1, 0, 0, 0);
        Calls.Call byDefault = await(b, "w1", ManagerRequest.BARRIER_DEFAULT_TIMEOUT);
        assertFalse(byDefault.answered());
        assertEquals(1, host.fireTimeouts(), "the barrier's default timeout was scheduled");
        assertEquals("timeout", byDefault.got().s());
    }

    @Test
    void aWithdrawnWaiterBreaksTheBarrierForTheOthers() {
        Calls b = barrier(3, -1);
        Calls.Call interrupted = await(b, "w1", -1);
        Calls.Call other = await(b, "w2", -1);
        assertTrue(interrupted.withdraw());
        assertEquals("broken", other.got().s());
        assertFalse(interrupted.answered(), "a withdrawn call gets no reply");
    }

    @Test
    void aPartyWhoseProcessDiedBreaksTheBarrier() {
        Calls b = barrier(3, -1);
        Calls.Call dead = await(b, "w1", -1);
        Calls.Call alive = await(b, "w2", -1);
        b.peerGone("w1");
        assertEquals("broken", alive.got().s());
        assertFalse(dead.answered());
        b.peerGone("w9"); // a process that was not waiting changes nothing
        assertEquals(1, alive.answers);
    }

    @Test
    void aBarrierNeedsAParty() {
        Fault f = assertThrows(Fault.class, () -> barrier(0, -1));
        assertEquals(ErrorCode.ILLEGAL_ARGUMENT, f.code());
    }
}
