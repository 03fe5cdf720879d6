package dev.jmp.internal.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jmp.error.WorkerStartException;
import dev.jmp.internal.supervisor.WorkerExit;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupFailuresTest {

    private static WorkerExit exit(int code, List<String> stderr) {
        return new WorkerExit(code, stderr, null, false, null);
    }

    @Test
    void theThirdDeathBeforeStartBreaksThePoolNamingTheCauseAndStderr() {
        StartupFailures f = new StartupFailures();
        WorkerExit bad = exit(1, List.of("Unrecognized option: -Xbogus"));
        assertNull(f.died(false, bad));
        assertNull(f.died(false, bad));
        WorkerStartException e = f.died(false, bad);
        assertNotNull(e);
        assertEquals("the pool's workers keep dying before they start: " + bad.describe()
                + "; last stderr lines:\n  Unrecognized option: -Xbogus", e.getMessage());
    }

    @Test
    void aWorkerThatStartsResetsTheCount() {
        StartupFailures f = new StartupFailures();
        WorkerExit bad = exit(1, List.of());
        f.died(false, bad);
        f.died(false, bad);
        f.started();
        assertNull(f.died(false, bad));
        assertNull(f.died(false, bad));
        assertNotNull(f.died(false, bad));
    }

    @Test
    void deathsOfStartedWorkersDoNotCount() {
        StartupFailures f = new StartupFailures();
        for (int i = 0; i < 5; i++) {
            assertNull(f.died(true, exit(137, List.of())));
        }
    }
}
