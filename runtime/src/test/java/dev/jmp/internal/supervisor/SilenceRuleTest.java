package dev.jmp.internal.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** When the parent's heartbeat gives up on a silent worker. */
@Timeout(300)
class SilenceRuleTest {

    private final RuntimeSettings settings = new RuntimeSettings();

    SilenceRuleTest() {
        settings.setHeartbeats(500, 10_000, 500, 15_000);
        settings.setLocalSilenceMillis(600_000);
    }

    @Test
    void aRemoteOrDeadWorkerSilentPastTheParentBoundIsLost() {
        assertEquals("sent nothing for 15001 ms", SilenceRule.lostReason(115_001, 100_000, false, settings));
        assertNull(SilenceRule.lostReason(115_000, 100_000, false, settings), "exactly the bound is still patience");
    }

    @Test
    void aLiveWorkerOnThisHostIsHeldOnlyToTheLongLocalBound() {
        assertNull(SilenceRule.lostReason(200_000, 100_000, true, settings), "a loaded machine, not a lost worker");
        assertEquals("sent nothing for 600001 ms", SilenceRule.lostReason(700_001, 100_000, true, settings));
    }

    @Test
    void aWorkerNeverHeardFromIsLeftToTheStartWatch() {
        assertNull(SilenceRule.lostReason(10_000_000, 0, false, settings));
    }

    @Test
    void aLocalBoundShorterThanTheParentBoundDoesNotShortenIt() {
        settings.setLocalSilenceMillis(1_000);
        assertNull(SilenceRule.lostReason(110_000, 100_000, true, settings));
        assertEquals("sent nothing for 15001 ms", SilenceRule.lostReason(115_001, 100_000, true, settings));
    }
}
