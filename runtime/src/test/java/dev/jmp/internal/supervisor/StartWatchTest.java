package dev.jmp.internal.supervisor;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** When a worker that has not connected yet is given up: a stuck start, never a slow one. */
@Timeout(300)
class StartWatchTest {

    private static final long TIMEOUT = 30_000;
    private static final long WALL = 600_000;

    @Test
    void aSlowLocalStartThatStillGetsCpuIsNotKilledAtTheStartTimeout() {
        StartWatch w = new StartWatch();
        long cpu = 0;
        for (long t = 0; t <= 300_000; t += 1_000) {
            cpu += 1_000_000; // a millisecond of CPU a second: a starved JVM on a loaded host
            assertNull(w.check(t, 0, TIMEOUT, WALL, cpu), "given up at " + t + " ms");
        }
    }

    @Test
    void aLocalStartWhoseCpuStopsIsGivenUpAfterTheStartTimeoutOfNoProgress() {
        StartWatch w = new StartWatch();
        assertNull(w.check(1_000, 0, TIMEOUT, WALL, 5_000_000));
        assertNull(w.check(60_000, 0, TIMEOUT, WALL, 9_000_000));
        assertNull(w.check(90_000, 0, TIMEOUT, WALL, 9_000_000));
        String why = w.check(90_001, 0, TIMEOUT, WALL, 9_000_000);
        assertNotNull(why);
        assertTrue(why.startsWith("did not connect within 90001 ms") && why.contains("CPU time stood still"), why);
    }

    @Test
    void aLocalStartThatKeepsSpinningEndsAtTheWallBound() {
        StartWatch w = new StartWatch();
        long t = 0;
        long cpu = 0;
        String why = null;
        while (why == null && t < 2 * WALL) {
            t += 1_000;
            cpu += 500_000_000;
            why = w.check(t, 0, TIMEOUT, WALL, cpu);
        }
        assertNotNull(why);
        assertTrue(t > WALL && t <= WALL + 1_000, "ended at " + t);
        assertTrue(why.startsWith("did not connect within") && !why.contains("stood still"), why);
    }

    @Test
    void withoutCpuTimeTheStartTimeoutIsWallTimeFromTheLaunch() {
        StartWatch w = new StartWatch();
        assertNull(w.check(10_000 + TIMEOUT, 10_000, TIMEOUT, WALL, -1));
        String why = w.check(10_001 + TIMEOUT, 10_000, TIMEOUT, WALL, -1);
        assertNotNull(why);
        assertTrue(why.contains("within " + (TIMEOUT + 1) + " ms"), why);
    }

    @Test
    void theNoProgressClockStartsAtTheLaunchNotBeforeIt() {
        StartWatch w = new StartWatch();
        // the first sample comes late (the heartbeat runs once a second or so), with CPU unchanged after
        assertNull(w.check(50_000, 45_000, TIMEOUT, WALL, 1_000));
        assertNull(w.check(45_000 + TIMEOUT, 45_000, TIMEOUT, WALL, 1_000));
        assertNotNull(w.check(50_001 + TIMEOUT, 45_000, TIMEOUT, WALL, 1_000));
    }
}
