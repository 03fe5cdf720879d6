package dev.jmp.internal.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Start tokens tell a running process apart from a finished one with the same pid. */
@Timeout(300)
class ProcessStartTest {

    @Test
    void aRunningProcessHasAStableStartAndAFinishedOneHasNone() throws Exception {
        OptionalLong self = ProcessStart.of(ProcessHandle.current().pid());
        assertTrue(self.isPresent());
        assertEquals(self.getAsLong(), ProcessStart.self());
        assertTrue(ProcessStart.same(self.getAsLong(), ProcessStart.of(ProcessHandle.current().pid()).getAsLong()));

        Process child = new ProcessBuilder("true").start();
        long pid = child.pid();
        assertTrue(child.waitFor(300, TimeUnit.SECONDS));
        assertFalse(ProcessStart.of(pid).isPresent() && ProcessHandle.of(pid).isPresent(),
                "a finished, reaped child has no start unless its pid was reused");
        assertTrue(DeadOwners.isDead(pid + "-" + self.getAsLong()) || ProcessHandle.of(pid).isPresent());
        assertFalse(DeadOwners.isDead(ProcessHandle.current().pid() + "-" + self.getAsLong()));
        assertTrue(DeadOwners.isDead(ProcessHandle.current().pid() + "-" + (self.getAsLong() + 100_000)));
        assertFalse(DeadOwners.isDead("jmp-notes"), "only owner names are judged");
    }
}
